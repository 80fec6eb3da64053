import request from 'supertest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionalInTenant } from '../../backend/src/database/rls';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';

/**
 * The tenant of a request's transaction travels with its BEGIN (one round trip:
 * `BEGIN; SELECT set_config(…)`), and only with that one: other transactions opened in the same
 * context set their own tenant, as before.
 */
describe('row-level security: the tenant set in the BEGIN round trip', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let statements: string[];
  const record = (q: { sql: string }) => statements.push(q.sql);

  const tenantSetting = async (em: EntityManager) =>
    (await em.execute<{ t: string }[]>(`select current_setting('app.tenant_id', true) as t`))[0].t;
  const beginsWithTenant = () => statements.filter((s) => /^BEGIN; SELECT set_config\('app\.tenant_id', '[0-9a-f-]{36}', true\);$/.test(s));
  const separateSets = () => statements.filter((s) => /^select set_config\('app\.tenant_id'/i.test(s));

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = [await createTenantFixture(t), await createTenantFixture(t)];
    t.appOrm.em.getConnection().getKnex().on('query', record);
  });
  beforeEach(() => (statements = []));
  afterAll(async () => {
    t.appOrm.em.getConnection().getKnex().off('query', record);
    await t.close();
  });

  it('sends BEGIN and the tenant as one statement, and no set_config after it', async () => {
    const seen = await transactionalInTenant(forkForTenant(t.appOrm.em, a.tenant.id), a.tenant.id, tenantSetting);
    expect(seen).toBe(a.tenant.id);
    expect(beginsWithTenant()).toEqual([`BEGIN; SELECT set_config('app.tenant_id', '${a.tenant.id}', true);`]);
    expect(separateSets()).toEqual([]);
  });

  it('lets a second transaction in the same context set its own tenant', async () => {
    const seen = await transactionalInTenant(forkForTenant(t.appOrm.em, a.tenant.id), a.tenant.id, async (em) => {
      const inner = await forkForTenant(t.appOrm.em, b.tenant.id).transactional(tenantSetting);
      return [await tenantSetting(em), inner];
    });
    expect(seen).toEqual([a.tenant.id, b.tenant.id]);
    expect(beginsWithTenant()).toHaveLength(1);
    expect(separateSets()).toHaveLength(1);
  });

  it('corrects a BEGIN whose tenant is not the EntityManager’s (the EntityManager wins)', async () => {
    const seen = await transactionalInTenant(forkForTenant(t.appOrm.em, b.tenant.id), a.tenant.id, tenantSetting);
    expect(seen).toBe(b.tenant.id);
    expect(separateSets()).toHaveLength(1);
  });

  it('leaves a plain transaction without a tenant', async () => {
    const seen = await t.appOrm.em.fork().transactional(tenantSetting);
    expect(seen === null || seen === '').toBe(true);
    expect(beginsWithTenant()).toEqual([]);
  });

  it("runs an authenticated request's transaction with its tenant in the BEGIN", async () => {
    const res = await request(t.server).get('/api/v1/tickets').set(tokenFor(t, a.agent, a.tenant.id)).expect(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(beginsWithTenant()).toEqual([`BEGIN; SELECT set_config('app.tenant_id', '${a.tenant.id}', true);`]);
    expect(separateSets()).toEqual([]);
  });
});
