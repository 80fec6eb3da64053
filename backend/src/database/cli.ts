/**
 * Database commands:
 *   migrate            apply pending migrations (DATABASE_MIGRATION_URL or DATABASE_URL, or the embedded database under DATA_DIR)
 *   migration:create   generate a migration from the entity diff against a scratch embedded database
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config';
import { migrate } from './migrate';
import { startEmbeddedPostgres } from './embedded-postgres';

const log = (m: string) => process.stdout.write(`${m}\n`);

async function withDatabase<T>(fn: (url: string) => Promise<T>, scratch = false): Promise<T> {
  // migrations run as the tables' owner
  const ownerUrl = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
  if (ownerUrl && !scratch) return fn(ownerUrl);
  const dir = scratch ? fs.mkdtempSync(path.join(os.tmpdir(), 'callpro-mig-')) : (process.env.DATA_DIR ?? '.data');
  const db = await startEmbeddedPostgres(dir, 'callpro', log);
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
    if (scratch) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function createMigration(url: string): Promise<void> {
  await migrate(url, log);
  const orm = await MikroORM.init(ormConfig({ clientUrl: url }));
  try {
    const result = await orm.migrator.createMigration(undefined, false, false, process.argv[3]);
    log(result.diff.up.length ? `Created ${result.fileName}` : 'No changes: entities match the migrations.');
  } finally {
    await orm.close(true);
  }
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command === 'migrate') await withDatabase((url) => migrate(url, log).then((a) => log(`Applied: ${a.join(', ') || 'nothing'}`)));
  else if (command === 'migration:create') await withDatabase(createMigration, true);
  else throw new Error('usage: cli.ts migrate | migration:create [name]');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
