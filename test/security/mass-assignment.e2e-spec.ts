import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { SESSION_PATHS, idsByTable, populateTenant, loadSpec, operations, sampleBody, snapshotTenant, tableFor, type Spec } from './battery';

/** Columns no request body may set; checked on the targeted row after each write. */
const GUARDED = ['id', 'tenant_id', 'created_at', 'number', 'version'];

/**
 * Every write operation of the spec, called by tenant A's org admin on A's own rows with forbidden
 * fields (tenantId, id, version, number, createdAt, role) added to a plausible body: none takes effect.
 */
describe('security: mass assignment', () => {
  let t: TestApp;
  let spec: Spec;
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    spec = await loadSpec(t);
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    await populateTenant(t, spec, a, 'MASS');
  });
  afterAll(() => t.close());

  it('ignores tenantId, id, version, number and createdAt in every write body', async () => {
    const auth = tokenFor(t, a.admin, a.tenant.id);
    const conn = t.orm.em.getConnection();
    const ids = await idsByTable(t, a.tenant.id);
    const tables = Object.keys(ids);
    const idFor = (field: string) => ids[tableFor(field, tables) ?? 'users']?.[0];
    const bBefore = await snapshotTenant(t, b.tenant.id);
    const forged = { tenantId: b.tenant.id, id: randomUUID(), version: 999, number: 1, createdAt: '2000-01-01T00:00:00.000Z' };
    let calls = 0;
    const changed: string[] = [];
    for (const op of operations(spec)) {
      if (!['put', 'patch'].includes(op.method) || op.pathParams.length !== 1 || SESSION_PATHS.test(op.path)) continue;
      const table = tableFor(op.path.split('/')[3] ?? '', tables);
      const id = table && ids[table]?.[0];
      if (!table || !id) continue;
      const guarded = async () => {
        const cols = (await conn.execute<{ column_name: string }[]>("select column_name from information_schema.columns where table_name = ? and table_schema = 'public'", [table]))
          .map((c) => c.column_name).filter((c) => GUARDED.includes(c) && c !== 'version');
        return JSON.stringify(await conn.execute(`select ${cols.map((c) => `"${c}"`).join(', ')} from "${table}" where id = ?`, [id]));
      };
      const before = await guarded();
      const body = { ...(sampleBody(spec, op.body, 'mass', idFor) as object), ...forged };
      const res = await request(t.server)[op.method](op.path.replace(`{${op.pathParams[0]}}`, id)).set(auth).send(body);
      calls++;
      expect(res.status).toBeLessThan(500);
      if ((await guarded()) !== before) changed.push(`${op.method.toUpperCase()} ${op.path} changed a guarded column of ${table}`);
    }
    // an agent may not promote itself through its own profile
    const self = await request(t.server).put(`/api/v1/users/${a.agent.id}`).set(tokenFor(t, a.agent, a.tenant.id)).send({ role: 'org_admin' });
    const [agentRow] = await conn.execute<{ role: string }[]>('select role from users where id = ?', [a.agent.id]);
    if (agentRow.role !== 'agent') changed.push(`PUT /users/{self} as agent → ${self.status} made the agent ${agentRow.role}`);
    const bAfter = await snapshotTenant(t, b.tenant.id);
    for (const key of Object.keys(bAfter)) if (bAfter[key] !== bBefore[key]) changed.push(`tenant B's ${key} changed`);
    if (changed.length) process.stdout.write(`${changed.join('\n')}\n`);
    process.stdout.write(`mass assignment: ${changed.length} fields took effect over ${calls} write calls\n`);
    expect(changed).toEqual([]);
    expect(calls).toBeGreaterThan(3);
  });
});
