import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config';

/** Fixed key of the advisory lock that serialises migrations across instances starting together. */
const MIGRATION_LOCK = 727_100_001;

/** Applies pending migrations under a PostgreSQL advisory lock; returns the names applied. */
export async function migrate(clientUrl: string, log: (m: string) => void = () => undefined): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig({ clientUrl, poolMax: 2 }));
  const conn = orm.em.getConnection();
  try {
    await conn.execute('select pg_advisory_lock(?)', [MIGRATION_LOCK]);
    const pending = await orm.migrator.getPendingMigrations();
    if (pending.length) log(`Applying ${pending.length} migration(s): ${pending.map((m) => m.name).join(', ')}`);
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await conn.execute('select pg_advisory_unlock(?)', [MIGRATION_LOCK]).catch(() => undefined);
    await orm.close(true);
  }
}
