import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable the app reads, validated at boot. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** External PostgreSQL; when absent an embedded PostgreSQL starts under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The tables' owner, for migrations and seeding; DATABASE_URL is then the app's own role (no
   * ownership, no BYPASSRLS). Without it DATABASE_URL is the owner and the launcher creates the
   * app role `callpro_app` (docs/SECURITY.md, "Row-level security").
   */
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().default('callpro'),
  JWT_AUDIENCE: z.string().default('callpro-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 24 * 3600),
  /** Comma-separated browser origins allowed by CORS and the socket gateway. */
  CORS_ORIGINS: z.string().default('http://localhost:3000,http://localhost:5173'),
  REDIS_URL: z.string().url().optional(),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_IP_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(50),
  /** Authenticated requests per minute: per tenant (all its users and keys) and per API key; 0 = off. */
  RATE_LIMIT_TENANT_PER_MINUTE: z.coerce.number().int().min(0).default(30_000),
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().min(0).default(6_000),
  SERVE_UI: bool.default(true),
  /** The SLA job (warnings and breaches): whether this instance runs it, and how often. */
  SLA_JOB_ENABLED: bool.default(true),
  SLA_JOB_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
  /** On SIGTERM/SIGINT: how long requests in flight may take to finish before their connections are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * Whether to believe X-Forwarded-For (client IPs for login throttling and logs): `false` (default,
   * the app faces clients directly), `true` (any proxy), or the number of proxy hops in front of it.
   */
  /** Tests only (refused otherwise): the ORM's tenant filter off, so that row-level security alone is tested. */
  CALLPRO_TEST_DISABLE_ORM_TENANT_FILTER: bool.default(false),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be true, false or a hop count')
    .default('false'),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Parses the environment; throws an error naming each bad variable. An empty value counts as unset
 * (compose files and CI pass `VAR=` for optional settings).
 */
export function validateEnv(raw: Record<string, unknown>): Env {
  const result = envSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
    throw new Error('Invalid configuration:\n  DATABASE_URL: required with DATABASE_MIGRATION_URL (the app role the app connects as)');
  }
  if (env.CALLPRO_TEST_DISABLE_ORM_TENANT_FILTER && env.NODE_ENV !== 'test') {
    throw new Error('Invalid configuration:\n  CALLPRO_TEST_DISABLE_ORM_TENANT_FILTER: only allowed when NODE_ENV=test');
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  return env;
}
