import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateEnv } from './config/env.schema';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { loadOrCreateJwtSecret } from './bootstrap/secrets';
import { prepareDatabase } from './bootstrap/prepare-database';
import { drainHttp, ownStopSignals, stopEmbeddedPostgres } from './bootstrap/shutdown';
import { DEMO_LOGINS, DEMO_PASSWORD } from './database/seeders/demo-data';

const log = (message: string) => process.stdout.write(`[callpro] ${message}\n`);

/** Thrown at the next start step after SIGINT/SIGTERM arrived while starting. */
class StartInterrupted extends Error {}

/**
 * `npm start`: an embedded PostgreSQL under DATA_DIR unless DATABASE_URL is set, migrations under
 * an advisory lock (as the owner: DATABASE_MIGRATION_URL, else DATABASE_URL), demo data on first
 * start, then the API, OpenAPI docs and admin UI on PORT, connected as a role that row-level
 * security holds (DATABASE_URL when an owner URL is given, else `callpro_app`, see app-role.ts).
 * Whatever happens after PostgreSQL started (a signal, a failed step), HTTP stops first, then
 * PostgreSQL, so that the data directory is never left with a running or crashed server. A signal
 * once ready first drains (drainHttp: readiness off, sockets told, requests in flight finish
 * within SHUTDOWN_GRACE_MS).
 */
async function main(): Promise<void> {
  let env = validateEnv(process.env);
  let embedded: EmbeddedDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  let signal: NodeJS.Signals | undefined;
  let ready = false;

  const stop = async (exitCode: number): Promise<never> => {
    // a last resort if a step hangs: the grace period plus PostgreSQL's own stop timeout and some
    setTimeout(() => {
      log('Stopping took too long; exiting');
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS + 60_000).unref();
    if (app && ready) await drainHttp(app, env.SHUTDOWN_GRACE_MS, log);
    const parts = [app && 'HTTP', embedded && 'PostgreSQL'].filter(Boolean);
    if (parts.length) log(`Stopping ${parts.join(', then ')} …`);
    await app?.close().catch((e: unknown) => log(`error while closing the app: ${String(e)}`));
    if (embedded) await stopEmbeddedPostgres(embedded, env.DATA_DIR).catch((e: unknown) => log(`error while stopping PostgreSQL: ${String(e)}`));
    if (parts.length) log('Stopped.');
    process.exit(exitCode);
  };
  const onSignal = (received: NodeJS.Signals) => {
    if (signal) return;
    signal = received;
    log(`${received} received`);
    // while starting, the start sequence stops at its next step (see checkpoint)
    if (ready) void stop(0);
  };
  ownStopSignals(onSignal);
  const checkpoint = () => {
    if (signal) throw new StartInterrupted(signal);
  };

  try {
    let ownerUrl = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
    if (!env.DATABASE_URL) {
      log(`No DATABASE_URL: starting embedded PostgreSQL under ${env.DATA_DIR}/pg`);
      embedded = await startEmbeddedPostgres(env.DATA_DIR, 'callpro', log);
      ownerUrl = embedded.url;
      // loading embedded-postgres added its own signal handlers
      ownStopSignals(onSignal);
      checkpoint();
    }

    const demoAllowed = env.SEED_DEMO ?? env.NODE_ENV !== 'production';
    // migrations and seeding as the owner; the app as a role that row-level security holds
    const appUrl = env.DATABASE_MIGRATION_URL ? env.DATABASE_URL : undefined;
    const prepared = await prepareDatabase({ ownerUrl: ownerUrl!, appUrl }, { seedDemo: demoAllowed, dataDir: env.DATA_DIR, log });
    const { seeded } = prepared;
    process.env.DATABASE_URL = prepared.appUrl;
    // the app never sees the owner's credentials
    delete process.env.DATABASE_MIGRATION_URL;
    if (!env.JWT_SECRET) process.env.JWT_SECRET = loadOrCreateJwtSecret(env.DATA_DIR);
    env = validateEnv(process.env);
    checkpoint();

    const { createApp } = await import('./app.setup');
    app = await createApp();
    checkpoint();
    await app.listen({ port: env.PORT, host: env.HOST });
    checkpoint();
    ready = true;
    const url = `http://localhost:${env.PORT}`;
    log(`Ready: ${url}  (admin UI)   ${url}/api/docs  (OpenAPI)   ${url}/api/v1  (REST)`);
    if (seeded || demoAllowed) {
      log(`Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.map((l) => l.email).join(', ')}`);
    }
  } catch (error) {
    if (error instanceof StartInterrupted) return stop(0);
    process.stderr.write(`[callpro] Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    return stop(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[callpro] Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
