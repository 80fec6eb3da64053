import fs from 'node:fs';
import { Client } from 'pg';
import { STATE_FILE, type TestState } from './state';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>).__CALLPRO_PG__ as { stop(): Promise<void> } | undefined;
  if (db) await db.stop();
  if (!fs.existsSync(STATE_FILE)) return;
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as TestState;
  if (!state.embedded && state.adminUrl) {
    const admin = new Client({ connectionString: state.adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${state.database} with (force)`);
    await admin.end();
  }
  fs.rmSync(STATE_FILE, { force: true });
}
