import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { CallLog } from '../../backend/src/calls/call-log.entity';
import { Disposition } from '../../backend/src/dispositions/disposition.entity';
import { API, answeredCall, createApiKey } from './call-logs.fixtures';

type Auth = Record<string, string>;

describe('dispositions resource', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const create = (auth: Auth, body: object) => api().post(`${API}/dispositions`).set(auth).send(body);
  const put = (id: string, auth: Auth, body: object) => api().put(`${API}/dispositions/${id}`).set(auth).send(body);
  const del = (id: string, auth: Auth) => api().delete(`${API}/dispositions/${id}`).set(auth).set('Content-Type', 'text/plain');
  const stored = (id: string) => t.orm.em.fork().findOne(Disposition, id, { filters: false });

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
  });
  afterAll(() => t.close());

  it('lets org admins add entries, each after the last by default, listed by position', async () => {
    const first = await create(as(a.admin), { name: ' Resolved ' }).expect(201);
    const second = await create(as(a.admin), { name: 'Call back later' }).expect(201);
    await create(as(a.admin), { name: 'Wrong number', position: 7, active: false }).expect(201);
    await create(as(a.admin), { name: 'Information given', position: 5 }).expect(201);
    expect(first.body).toMatchObject({ name: 'Resolved', active: true, position: 0, tenantId: a.tenant.id });
    expect(second.body.position).toBe(1);
    const res = await api().get(`${API}/dispositions`).set(as(a.agent)).expect(200);
    expect(res.body.map((d: { name: string }) => d.name)).toEqual(['Resolved', 'Call back later', 'Information given', 'Wrong number']);
    expect(res.headers['content-range']).toBe('dispositions 0-3/4');
    const active = await api().get(`${API}/dispositions`).set(as(a.agent)).query({ filter: JSON.stringify({ active: false }) }).expect(200);
    expect(active.body.map((d: { name: string }) => d.name)).toEqual(['Wrong number']);
  });

  it('refuses a duplicate name in the tenant (409 errors.name), but allows it in another tenant', async () => {
    await create(as(a.admin), { name: 'Sale' }).expect(201);
    const dup = await create(as(a.admin), { name: 'Sale' }).expect(409);
    expect(dup.body.errors).toEqual({ name: 'already in use' });
    await create(as(b.admin, b), { name: 'Sale' }).expect(201);
  });

  it.each([['a supervisor', 'supervisor'], ['an agent', 'agent']] as const)('lets %s read but not change them (403)', async (_label, role) => {
    const d = await create(as(a.admin), { name: `Only admins ${role}` }).expect(201);
    await api().get(`${API}/dispositions/${d.body.id}`).set(as(a[role])).expect(200);
    await create(as(a[role]), { name: 'Mine' }).expect(403);
    await put(d.body.id, as(a[role]), { name: 'Changed' }).expect(403);
    await del(d.body.id, as(a[role])).expect(403);
    expect((await stored(d.body.id))?.name).toBe(`Only admins ${role}`);
  });

  it('refuses API keys (no scope covers dispositions)', async () => {
    const key = await createApiKey(t, a, ['calls:write', 'calls:read']);
    await api().get(`${API}/dispositions`).set(key.header).expect(403);
  });

  it('carries a rename over to the calls that use it, and keeps a used one from being deleted (409)', async () => {
    const d = await create(as(a.admin), { name: 'Escalated' }).expect(201);
    const key = await createApiKey(t, a, ['calls:write']);
    const call = await api().post(`${API}/call-logs`).set(key.header).send(answeredCall({ disposition: 'Escalated' })).expect(201);
    await put(d.body.id, as(a.admin), { name: 'Escalated to L2', id: 'ignored' }).expect(200);
    expect((await t.orm.em.fork().findOneOrFail(CallLog, call.body.id, { filters: false })).disposition).toBe('Escalated to L2');
    await del(d.body.id, as(a.admin)).expect(409);
    const off = await put(d.body.id, as(a.admin), { active: false }).expect(200);
    expect(off.body).toMatchObject({ name: 'Escalated to L2', active: false });
  });

  it('deletes an unused entry and returns it', async () => {
    const d = await create(as(a.admin), { name: 'Temporary' }).expect(201);
    const res = await del(d.body.id, as(a.admin)).expect(200);
    expect(res.body).toMatchObject({ id: d.body.id, name: 'Temporary' });
    expect(await stored(d.body.id)).toBeNull();
  });

  it('validates fields (400 by field)', async () => {
    expect(Object.keys((await create(as(a.admin), { name: '' }).expect(400)).body.errors)).toEqual(['name']);
    expect(Object.keys((await create(as(a.admin), { name: 'x', position: -1 }).expect(400)).body.errors)).toEqual(['position']);
  });

  describe('cross-tenant probes', () => {
    it("answers 404 for another tenant's entry on GET, PUT and DELETE, and leaves it unchanged", async () => {
      const bD = await create(as(b.admin, b), { name: 'B only' }).expect(201);
      await api().get(`${API}/dispositions/${bD.body.id}`).set(as(a.admin)).expect(404);
      await put(bD.body.id, as(a.admin), { name: 'hijacked' }).expect(404);
      await del(bD.body.id, as(a.admin)).expect(404);
      expect(await stored(bD.body.id)).toMatchObject({ name: 'B only', tenantId: b.tenant.id });
    });

    it("never lists another tenant's entries, and its totals count only this tenant", async () => {
      const bD = await create(as(b.admin, b), { name: 'B listed' }).expect(201);
      const res = await api().get(`${API}/dispositions`).set(as(a.admin)).query({ filter: JSON.stringify({ id: [bD.body.id] }) }).expect(200);
      expect(res.body).toEqual([]);
      const all = await api().get(`${API}/dispositions`).set(as(a.admin)).query({ range: '[0,999]' }).expect(200);
      const total = await t.orm.em.fork().count(Disposition, { tenantId: a.tenant.id }, { filters: false });
      expect(all.body.every((d: { tenantId: string }) => d.tenantId === a.tenant.id)).toBe(true);
      expect(all.headers['x-total-count']).toBe(String(total));
    });

    it("refuses a call naming another tenant's disposition (422)", async () => {
      await create(as(b.admin, b), { name: 'B exclusive' }).expect(201);
      const key = await createApiKey(t, a, ['calls:write']);
      const res = await api().post(`${API}/call-logs`).set(key.header).send(answeredCall({ disposition: 'B exclusive' })).expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['disposition']);
    });
  });
});
