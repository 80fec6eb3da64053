import fs from 'node:fs';
import { Client } from 'pg';
import { STATE_ENV, type TestState } from './state';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>).__CALLPRO_PG__ as { stop(): Promise<void> } | undefined;
  if (db) await db.stop();
  const raw = process.env[STATE_ENV];
  if (!raw) return;
  const state = JSON.parse(raw) as TestState;
  if (state.dir) fs.rmSync(state.dir, { recursive: true, force: true });
  if (!state.embedded && state.adminUrl) {
    const admin = new Client({ connectionString: state.adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${state.database} with (force)`);
    await admin.end();
  }
}
