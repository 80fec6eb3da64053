import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../backend/src/database/embedded-postgres';
import { migrate } from '../../backend/src/database/migrate';
import { provisionAppRole } from '../../backend/src/database/app-role';
import { STATE_ENV, TEST_DATA_ROOT, type TestState } from './state';

/**
 * Starts the suite's PostgreSQL: an embedded one under .test-data/ (default), or a fresh database on
 * the server named by TEST_DATABASE_URL. Migrates it once as the owner and provisions the app role
 * the app under test connects as; test files create their own tenants.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const database = `callpro_test_${randomBytes(4).toString('hex')}`;
  let state: TestState;
  if (process.env.TEST_DATABASE_URL) {
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${database}`;
    state = { databaseUrl: url.toString(), appDatabaseUrl: '', adminUrl: process.env.TEST_DATABASE_URL, database, embedded: false };
    process.stdout.write(`\n[test] PostgreSQL from TEST_DATABASE_URL, database ${database}\n`);
  } else {
    const dir = path.join(TEST_DATA_ROOT, `run-${process.pid}-${randomBytes(3).toString('hex')}`);
    const db = await startEmbeddedPostgres(dir, database, (m) => process.stdout.write(`[test] ${m}\n`));
    (globalThis as Record<string, unknown>).__CALLPRO_PG__ = db;
    state = { databaseUrl: db.url, appDatabaseUrl: '', database, embedded: true, dir };
    process.stdout.write(`\n[test] embedded PostgreSQL started, database ${database}\n`);
  }
  await migrate(state.databaseUrl);
  // the app under test connects as the launcher's app role, as in production (row-level security)
  state.appDatabaseUrl = await provisionAppRole(state.databaseUrl, state.dir ?? TEST_DATA_ROOT);
  // workers are started after global setup and inherit this
  process.env[STATE_ENV] = JSON.stringify(state);
  process.stdout.write(`[test] database ready in ${Date.now() - started} ms\n`);
  // MikroORM leaves metadata on the parent's globalThis; in-band runs would pick it up (STACK.md)
  for (const key of Object.keys(globalThis)) if (key.startsWith('mikro-orm')) delete (globalThis as Record<string, unknown>)[key];
}
