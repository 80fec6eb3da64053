import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../backend/src/database/embedded-postgres';
import { migrate } from '../../backend/src/database/migrate';
import { STATE_FILE, type TestState } from './state';

/**
 * Starts the suite's PostgreSQL: an embedded one under .test-data/ (default), or a fresh database on
 * the server named by TEST_DATABASE_URL. Migrates it once; test files create their own tenants.
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
    state = { databaseUrl: url.toString(), adminUrl: process.env.TEST_DATABASE_URL, database, embedded: false };
    process.stdout.write(`\n[test] PostgreSQL from TEST_DATABASE_URL, database ${database}\n`);
  } else {
    const dir = path.resolve(__dirname, '../../.test-data');
    fs.rmSync(path.join(dir, 'pg'), { recursive: true, force: true });
    const db = await startEmbeddedPostgres(dir, database, (m) => process.stdout.write(`[test] ${m}\n`));
    (globalThis as Record<string, unknown>).__CALLPRO_PG__ = db;
    state = { databaseUrl: db.url, database, embedded: true };
    process.stdout.write(`\n[test] embedded PostgreSQL started, database ${database}\n`);
  }
  await migrate(state.databaseUrl);
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
  process.stdout.write(`[test] database ready in ${Date.now() - started} ms\n`);
  // MikroORM leaves metadata on the parent's globalThis; in-band runs would pick it up (STACK.md)
  for (const key of Object.keys(globalThis)) if (key.startsWith('mikro-orm')) delete (globalThis as Record<string, unknown>)[key];
}
