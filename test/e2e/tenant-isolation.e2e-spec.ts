import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Tenant } from '../../backend/src/tenants/tenant.entity';
import { User } from '../../backend/src/users/user.entity';

type Auth = Record<string, string>;

/**
 * Tenant A's staff probing tenant B through the users and tenants resources: every probe is a 404
 * or an empty list, and B is unchanged afterwards.
 */
describe('tenant isolation: users and tenants', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;

  const as = (m: StaffMember, tenant: TenantFixture): Auth => tokenFor(t, m, tenant.tenant.id);
  const get = (path: string, auth: Auth) => request(t.server).get(`/api/v1${path}`).set(auth);
  const put = (path: string, auth: Auth, body: object) => request(t.server).put(`/api/v1${path}`).set(auth).send(body);
  const post = (path: string, auth: Auth, body: object) => request(t.server).post(`/api/v1${path}`).set(auth).send(body);
  const list = (path: string, auth: Auth, query: Record<string, unknown> = {}) =>
    get(path, auth).query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));

  /** B's users and tenant exactly as stored, to compare after the probes. */
  async function snapshotB() {
    const em = t.orm.em.fork();
    const users = await em.find(User, { tenantId: b.tenant.id }, { filters: false, populate: ['passwordHash'], orderBy: { id: 'asc' } });
    const tenant = await em.findOneOrFail(Tenant, b.tenant.id);
    return JSON.stringify({ users: users.map((u) => ({ ...u, passwordHash: u.passwordHash })), tenant });
  }

  let before: string;
  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    before = await snapshotB();
  });
  afterAll(() => t.close());

  const bUsers = () => [b.admin, b.supervisor, b.agent, b.agent2];

  describe.each(['admin', 'agent'] as const)("tenant A's %s", (who) => {
    const auth = () => as(a[who], a);

    it('gets 404 for each of B’s users', async () => {
      for (const u of bUsers()) {
        const res = await get(`/users/${u.id}`, auth()).expect(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('gets 404 updating B’s users, whatever the body', async () => {
      for (const u of bUsers()) {
        await put(`/users/${u.id}`, auth(), { name: 'Pwned', active: false }).expect(404);
        await put(`/users/${u.id}`, auth(), { role: 'agent', password: 'a-long-password' }).expect(404);
      }
    });

    it('gets 404 reading tenant B, and the same answer updating it as for a tenant that does not exist', async () => {
      await get(`/tenants/${b.tenant.id}`, auth()).expect(404);
      // agents may update no tenant at all: the route itself is a 403, whichever id (nothing revealed)
      const expected = who === 'admin' ? 404 : 403;
      await put(`/tenants/${b.tenant.id}`, auth(), { name: 'Pwned', timezone: 'Europe/Berlin' }).expect(expected);
      await put('/tenants/00000000-0000-4000-8000-000000000000', auth(), { name: 'Pwned' }).expect(expected);
    });

    it('never sees B’s users in lists, and Content-Range counts only A', async () => {
      const all = await list('/users', auth()).expect(200);
      expect(all.body.map((u: { id: string }) => u.id).sort()).toEqual([a.admin.id, a.supervisor.id, a.agent.id, a.agent2.id].sort());
      expect(all.headers['content-range']).toBe('users 0-3/4');
      expect(all.headers['x-total-count']).toBe('4');
      const byIds = await list('/users', auth(), { filter: { id: bUsers().map((u) => u.id) } }).expect(200);
      expect(byIds.body).toEqual([]);
      expect(byIds.headers['content-range']).toBe('users */0');
      const byName = await list('/users', auth(), { filter: { q: b.agent.email } }).expect(200);
      expect(byName.body).toEqual([]);
    });

    it('never sees tenant B in the tenants list', async () => {
      const all = await list('/tenants', auth()).expect(200);
      expect(all.body.map((x: { id: string }) => x.id)).toEqual([a.tenant.id]);
      expect(all.headers['x-total-count']).toBe('1');
      const byId = await list('/tenants', auth(), { filter: { id: [b.tenant.id] } }).expect(200);
      expect(byId.body).toEqual([]);
      const bySlug = await list('/tenants', auth(), { filter: { slug: b.tenant.slug } }).expect(200);
      expect(bySlug.headers['x-total-count']).toBe('0');
    });

    it('cannot switch to B with X-Tenant-Id (only super admins choose a tenant)', async () => {
      const withHeader = { ...auth(), 'X-Tenant-Id': b.tenant.id };
      const res = await list('/users', withHeader).expect(200);
      expect(res.body.every((u: { tenantId: string }) => u.tenantId === a.tenant.id)).toBe(true);
      await get(`/users/${b.agent.id}`, withHeader).expect(404);
      await put(`/users/${b.agent.id}`, withHeader, { name: 'Pwned' }).expect(404);
      await get(`/tenants/${b.tenant.id}`, withHeader).expect(404);
    });
  });

  it("creates a user in the creator's tenant even when the body names tenant B", async () => {
    const res = await post('/users', as(a.admin, a), {
      name: 'Smuggled',
      email: `smuggled.${Date.now()}@example.test`,
      role: 'agent',
      password: 'a-long-password',
      tenantId: b.tenant.id,
    }).expect(201);
    expect(res.body.tenantId).toBe(a.tenant.id);
    await get(`/users/${res.body.id}`, as(b.admin, b)).expect(404);
    const bList = await list('/users', as(b.admin, b)).expect(200);
    expect(bList.headers['x-total-count']).toBe('4');
  });

  it('does not let an org admin move a user of theirs into tenant B', async () => {
    await put(`/users/${a.agent2.id}`, as(a.admin, a), { tenantId: b.tenant.id, name: 'Still In A' }).expect(200);
    const row = await t.orm.em.fork().findOneOrFail(User, a.agent2.id, { filters: false });
    expect(row).toMatchObject({ tenantId: a.tenant.id, name: 'Still In A' });
  });

  it("does not let an org admin update tenant A's id to B's, or rename it to B's slug", async () => {
    const res = await put(`/tenants/${a.tenant.id}`, as(a.admin, a), { id: b.tenant.id, name: 'A Renamed' }).expect(200);
    expect(res.body.id).toBe(a.tenant.id);
    await put(`/tenants/${a.tenant.id}`, as(a.admin, a), { slug: b.tenant.slug }).expect(403);
  });

  // last: every probe above has run
  it('leaves every row of tenant B exactly as it was', async () => {
    expect(await snapshotB()).toBe(before);
  });
});
