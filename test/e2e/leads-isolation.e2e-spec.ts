import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Lead } from '../../backend/src/leads/lead.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';

type Auth = Record<string, string>;

/** Tenant A's principals probing tenant B's leads on every route. */
describe('leads: tenant isolation', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  let bLead: { id: string; name: string; phone: string; version: number };
  const SHARED_PHONE = '(415) 867-3001';

  const as = (m: StaffMember, f: TenantFixture): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    api()
      .get('/api/v1/leads')
      .set(auth)
      .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const storedB = () => t.orm.em.fork().findOneOrFail(Lead, bLead.id, { filters: false });
  const PRINCIPALS = ['org admin', 'supervisor', 'agent', 'super admin acting in A'] as const;
  const asA = (who: (typeof PRINCIPALS)[number]): Auth => {
    if (who === 'org admin') return as(a.admin, a);
    if (who === 'supervisor') return as(a.supervisor, a);
    if (who === 'agent') return as(a.agent, a);
    return { ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id };
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    superAdmin = await createSuperAdmin(t);
    for (let i = 0; i < 3; i++) {
      await api().post('/api/v1/leads').set(as(a.supervisor, a)).send({ name: `A lead ${i}`, ownerId: a.agent.id }).expect(201);
    }
    const res = await api()
      .post('/api/v1/leads')
      .set(as(b.supervisor, b))
      .send({ name: 'Beatrix Bsecret', company: 'Bcorp', phone: SHARED_PHONE, ownerId: b.agent.id })
      .expect(201);
    bLead = res.body;
  });
  afterAll(() => t.close());

  it('lets the same phone number exist in two tenants', async () => {
    const res = await api().post('/api/v1/leads').set(as(a.admin, a)).send({ name: 'A twin', phone: SHARED_PHONE }).expect(201);
    expect(res.body.phone).toBe(bLead.phone);
    expect(res.body.tenantId).toBe(a.tenant.id);
  });

  it.each(PRINCIPALS)('GET /leads/:id of B is a 404 for A’s %s', async (who) => {
    const res = await api().get(`/api/v1/leads/${bLead.id}`).set(asA(who)).expect(404);
    expect(JSON.stringify(res.body)).not.toContain('Bsecret');
  });

  it.each(PRINCIPALS)('PUT /leads/:id of B is a 404 for A’s %s, and B is unchanged', async (who) => {
    await api().put(`/api/v1/leads/${bLead.id}`).set(asA(who)).send({ name: 'Hijacked', status: 'lost', ownerId: null }).expect(404);
    expect(await storedB()).toMatchObject({ name: 'Beatrix Bsecret', status: 'new', ownerId: b.agent.id, version: bLead.version, tenantId: b.tenant.id });
  });

  it.each(PRINCIPALS)('DELETE /leads/:id of B fails for A’s %s (404; agents may delete nothing: 403), and B still exists', async (who) => {
    const res = await api().delete(`/api/v1/leads/${bLead.id}`).set(asA(who)).set('Content-Type', 'text/plain');
    expect(res.status).toBe(who === 'agent' ? 403 : 404);
    expect(await storedB()).toMatchObject({ name: 'Beatrix Bsecret' });
  });

  it('writes no event into B from A’s failed probes', async () => {
    const rows = await t.orm.em.fork().find(OutboxEvent, { resourceId: bLead.id }, { filters: false });
    expect(rows).toHaveLength(1);
    expect(rows[0].tenantId).toBe(b.tenant.id);
  });

  it.each(PRINCIPALS)('GET /leads for A’s %s never lists B’s leads, and counts only A’s', async (who) => {
    const res = await list(asA(who), { range: [0, 99] }).expect(200);
    expect(res.body.every((l: { tenantId: string }) => l.tenantId === a.tenant.id)).toBe(true);
    const total = await t.orm.em.fork().count(Lead, { tenantId: a.tenant.id }, { filters: false });
    expect(res.headers['x-total-count']).toBe(String(total));
    expect(res.headers['content-range']).toBe(`leads 0-${total - 1}/${total}`);
  });

  it('finds nothing of B by id, search, phone or owner filter', async () => {
    const auth = as(a.admin, a);
    for (const filter of [{ id: [bLead.id] }, { q: 'Bsecret' }, { q: 'bcorp' }, { ownerId: b.agent.id }]) {
      const res = await list(auth, { filter }).expect(200);
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe('leads */0');
    }
    const byPhone = await list(auth, { filter: { q: SHARED_PHONE } }).expect(200);
    expect(byPhone.body.map((l: { name: string }) => l.name)).toEqual(['A twin']);
  });

  it('refuses a B user as owner of an A lead, on create and update (422)', async () => {
    await api().post('/api/v1/leads').set(as(a.admin, a)).send({ name: 'Cross', ownerId: b.agent.id }).expect(422);
    const created = await api().post('/api/v1/leads').set(as(a.admin, a)).send({ name: 'Mine' }).expect(201);
    await api().put(`/api/v1/leads/${created.body.id}`).set(as(a.admin, a)).send({ ownerId: b.admin.id }).expect(422);
  });

  it('lets B’s own staff still see and change their lead', async () => {
    const res = await api().get(`/api/v1/leads/${bLead.id}`).set(as(b.agent, b)).expect(200);
    expect(res.body.name).toBe('Beatrix Bsecret');
    const total = await list(as(b.agent, b)).expect(200);
    expect(total.headers['x-total-count']).toBe('1');
  });

  it('asks a super admin without a chosen tenant to choose one, on every route', async () => {
    const auth = tokenFor(t, superAdmin, null);
    await list(auth).expect(400);
    await api().get(`/api/v1/leads/${bLead.id}`).set(auth).expect(400);
    await api().post('/api/v1/leads').set(auth).send({ name: 'x' }).expect(400);
    await api().put(`/api/v1/leads/${bLead.id}`).set(auth).send({ name: 'x' }).expect(400);
    await api().delete(`/api/v1/leads/${bLead.id}`).set(auth).set('Content-Type', 'text/plain').expect(400);
    expect(await storedB()).toMatchObject({ name: 'Beatrix Bsecret' });
  });
});
