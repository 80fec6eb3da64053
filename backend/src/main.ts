import 'reflect-metadata';
import { validateEnv } from './config/env.schema';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { loadOrCreateJwtSecret } from './bootstrap/secrets';
import { prepareDatabase } from './bootstrap/prepare-database';
import { DEMO_LOGINS, DEMO_PASSWORD } from './database/seeders/demo-data';

const log = (message: string) => process.stdout.write(`[callpro] ${message}\n`);

/**
 * `npm start`: an embedded PostgreSQL under DATA_DIR unless DATABASE_URL is set, migrations under
 * an advisory lock, demo data on first start, then the API, OpenAPI docs and admin UI on PORT.
 */
async function main(): Promise<void> {
  let env = validateEnv(process.env);
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    log(`No DATABASE_URL: starting embedded PostgreSQL under ${env.DATA_DIR}/pg`);
    embedded = await startEmbeddedPostgres(env.DATA_DIR, 'callpro', log);
    process.env.DATABASE_URL = embedded.url;
  }
  if (!env.JWT_SECRET) process.env.JWT_SECRET = loadOrCreateJwtSecret(env.DATA_DIR);
  env = validateEnv(process.env);

  const demoAllowed = env.SEED_DEMO ?? env.NODE_ENV !== 'production';
  const { seeded } = await prepareDatabase(env.DATABASE_URL!, { seedDemo: demoAllowed, log });

  const { createApp } = await import('./app.setup');
  const app = await createApp();
  await app.listen({ port: env.PORT, host: env.HOST });
  const url = `http://localhost:${env.PORT}`;
  log(`Ready: ${url}  (admin UI)   ${url}/api/docs  (OpenAPI)   ${url}/api/v1  (REST)`);
  if (seeded || demoAllowed) {
    log(`Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.map((l) => l.email).join(', ')}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping HTTP, then PostgreSQL …`);
    await app.close().catch((e) => log(`error while closing the app: ${String(e)}`));
    if (embedded) await embedded.stop().catch((e) => log(`error while stopping PostgreSQL: ${String(e)}`));
    log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`[callpro] Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
