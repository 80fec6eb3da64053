import path from 'node:path';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { ENTITIES, TENANT_SCOPED_ENTITY_NAMES } from './entities';
import { tenantFilter } from './tenant.filter';
import { TenantSubscriber } from './tenant.subscriber';
import { TenantSettingSubscriber } from './rls';

export const STATEMENT_TIMEOUT_MS = 10_000;

export interface OrmOptions {
  clientUrl: string;
  /** Cancel statements running longer than this (the app sets it; migrations and seeding do not). */
  statementTimeoutMs?: number;
  debug?: boolean;
  poolMax?: number;
  /** Off only in the test that proves row-level security alone holds. */
  ormTenantFilter?: boolean;
}

/** The one MikroORM configuration, used by the app, the migration CLI and the tests. */
export function ormConfig({ clientUrl, statementTimeoutMs, debug = false, poolMax = 10, ormTenantFilter = true }: OrmOptions) {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    filters: { tenant: tenantFilter(TENANT_SCOPED_ENTITY_NAMES, ormTenantFilter) },
    subscribers: [new TenantSubscriber(), new TenantSettingSubscriber()],
    extensions: [Migrator, SeedManager],
    debug,
    pool: { min: 0, max: poolMax },
    // a runaway query is cancelled (mapped to 503 by ProblemFilter) instead of holding a connection
    driverOptions: statementTimeoutMs ? { connection: { statement_timeout: statementTimeoutMs } } : undefined,
    forceUtcTimezone: true,
    // a request never shares the global identity map; tests and jobs fork explicitly
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  });
}
