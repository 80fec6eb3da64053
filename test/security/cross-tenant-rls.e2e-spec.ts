import '../support/orm-tenant-filter-off';
import { User } from '../../backend/src/users/user.entity';
import { createTenantFixture } from '../support/fixtures';
import { describeCrossTenantSweep } from './cross-tenant-sweep';

/** The same sweep with the ORM's tenant filter off: PostgreSQL's row-level security alone must hold. */
describeCrossTenantSweep({
  title: 'security: cross-tenant sweep with the ORM tenant filter off (row-level security alone)',
  precondition: async (t) => {
    const filters = t.appOrm.config.get('filters') as Record<string, { default?: boolean }>;
    expect(filters.tenant.default).toBe(false);
    // with the filter on, a tenant-owned query without a tenant throws; now it runs, and RLS answers
    const fx = await createTenantFixture(t);
    const owned = await t.orm.em.fork().count(User, { tenantId: fx.tenant.id }, { filters: false });
    const seen = await t.appOrm.em.fork().count(User, { tenantId: fx.tenant.id });
    expect(owned).toBe(4);
    expect(seen).toBe(0);
    process.stdout.write(`[rls] a tenant's users: the owner sees ${owned}, the app (ORM filter off, no tenant) sees ${seen}\n`);
  },
});
