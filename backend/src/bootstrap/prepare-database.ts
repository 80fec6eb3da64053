import { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '../database/migrate';
import { ormConfig } from '../database/mikro-orm.config';
import { seedDemo } from '../database/seeders/demo.seeder';

export interface PrepareOptions {
  /** Seed demo data into an empty database. */
  seedDemo: boolean;
  log: (message: string) => void;
}

/** Migrates, then seeds the demo tenants when the database has no tenant yet. */
export async function prepareDatabase(clientUrl: string, { seedDemo: wantDemo, log }: PrepareOptions): Promise<{ seeded: boolean }> {
  await migrate(clientUrl, log);
  if (!wantDemo) return { seeded: false };
  const orm = await MikroORM.init(ormConfig({ clientUrl, poolMax: 4 }));
  try {
    const [{ count }] = await orm.em.getConnection().execute<{ count: string }[]>('select count(*)::int as count from tenants');
    if (Number(count) > 0) return { seeded: false };
    await seedDemo(orm.em.fork(), log);
    return { seeded: true };
  } finally {
    await orm.close(true);
  }
}
