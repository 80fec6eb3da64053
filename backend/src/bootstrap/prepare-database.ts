import { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '../database/migrate';
import { ormConfig } from '../database/mikro-orm.config';
import { seedDemo } from '../database/seeders/demo.seeder';
import { assertAppRoleSafe, grantAppRoleOf, provisionAppRole } from '../database/app-role';

export interface PrepareOptions {
  /** Seed demo data into an empty database. */
  seedDemo: boolean;
  /** Where the app role's password is kept when the owner has none (see app-role.ts). */
  dataDir: string;
  log: (message: string) => void;
}

export interface DatabaseUrls {
  /** Owns the tables: migrations and seeding. */
  ownerUrl: string;
  /**
   * What the app connects with: `DATABASE_URL` when a separate owner URL was given, else the
   * provisioned app role.
   */
  appUrl?: string;
}

/**
 * Migrates and seeds as the owner, then makes sure the app connects as a role that row-level
 * security holds: the operator's app role (granted, then checked), or `callpro_app`, created by
 * the owner. Returns the URL the app must use.
 */
export async function prepareDatabase({ ownerUrl, appUrl }: DatabaseUrls, { seedDemo: wantDemo, dataDir, log }: PrepareOptions): Promise<{ seeded: boolean; appUrl: string }> {
  await migrate(ownerUrl, log);
  let url: string;
  if (appUrl && appUrl !== ownerUrl) {
    await grantAppRoleOf(ownerUrl, appUrl);
    url = appUrl;
  } else {
    url = await provisionAppRole(ownerUrl, dataDir);
    log(`The app connects as the role "${new URL(url).username}" (row-level security)`);
  }
  await assertAppRoleSafe(url);
  return { seeded: wantDemo && (await seedIfEmpty(ownerUrl, log)), appUrl: url };
}

/** Seeds the demo tenants when the database has no tenant yet. */
async function seedIfEmpty(ownerUrl: string, log: (message: string) => void): Promise<boolean> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: ownerUrl, poolMax: 4 }));
  try {
    const [{ count }] = await orm.em.getConnection().execute<{ count: string }[]>('select count(*)::int as count from tenants');
    if (Number(count) > 0) return false;
    await seedDemo(orm.em.fork(), log);
    return true;
  } finally {
    await orm.close(true);
  }
}
