import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { CallLog } from '../../backend/src/calls/call-log.entity';
import { Lead } from '../../backend/src/leads/lead.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import { API, answeredCall, createApiKey, type TestApiKey } from './call-logs.fixtures';

type Auth = Record<string, string>;
const DAY = 86_400_000;

/** A call `daysAgo` days back, with chosen numbers. */
const callOn = (daysAgo: number, extra: Record<string, unknown> = {}) => {
  const start = Date.now() - daysAgo * DAY;
  return answeredCall({
    startedAt: new Date(start).toISOString(),
    answeredAt: new Date(start + 5_000).toISOString(),
    endedAt: new Date(start + 65_000).toISOString(),
    ...extra,
  });
};

describe('call-logs resource: list, get, edit, delete', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  let aKey: TestApiKey;
  let readKey: TestApiKey;
  const ids: Record<string, string> = {};

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    api().get(`${API}/call-logs`).set(auth).query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const getOne = (id: string, auth: Auth) => api().get(`${API}/call-logs/${id}`).set(auth);
  const put = (id: string, auth: Auth, body: object) => api().put(`${API}/call-logs/${id}`).set(auth).send(body);
  const del = (id: string, auth: Auth) => api().delete(`${API}/call-logs/${id}`).set(auth).set('Content-Type', 'text/plain');
  const stored = (id: string) => t.orm.em.fork().findOne(CallLog, id, { filters: false });
  const idsOf = (body: { id: string }[]) => body.map((r) => r.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t, { defaultCountry: 'DE' }), createTenantFixture(t)]);
    superAdmin = await createSuperAdmin(t);
    aKey = await createApiKey(t, a, ['calls:write']);
    readKey = await createApiKey(t, a, ['calls:read']);
    await api().post(`${API}/dispositions`).set(as(a.admin)).send({ name: 'Sale' }).expect(201);
    const post = async (key: string, auth: Auth, body: object) => (ids[key] = (await api().post(`${API}/call-logs`).set(auth).send(body).expect(201)).body.id);
    await post('agentOld', as(a.agent), callOn(10, { fromNumber: '030 1234 5678', toNumber: '+49 40 1234567' }));
    await post('agentNew', as(a.agent), callOn(1, { direction: 'outbound', fromNumber: '+49 40 1234567', toNumber: '+49 151 12345678' }));
    await post('agent2', aKey.header, callOn(2, { agentId: a.agent2.id, fromNumber: '+44 20 7946 0958', toNumber: '+49 40 1234567' }));
    await post('missed', aKey.header, callOn(3, { fromNumber: '+49 89 12345678', toNumber: '+49 40 1234567', outcome: 'missed', answeredAt: null, endedAt: new Date(Date.now() - 3 * DAY + 20_000).toISOString() }));
    await post('inB', as(b.agent, b), callOn(1));
  });
  afterAll(() => t.close());

  describe('GET /call-logs', () => {
    it('lists the tenant’s calls newest first with Content-Range counting only this tenant', async () => {
      const res = await list(as(a.supervisor)).expect(200);
      expect(res.body.map((r: { id: string }) => r.id)).toEqual([ids.agentNew, ids.agent2, ids.missed, ids.agentOld]);
      expect(res.headers['content-range']).toBe('call-logs 0-3/4');
      expect(res.headers['x-total-count']).toBe('4');
    });

    it('shows agents only their own calls, in the list and in the total', async () => {
      const res = await list(as(a.agent)).expect(200);
      expect(idsOf(res.body)).toEqual([ids.agentNew, ids.agentOld].sort());
      expect(res.headers['content-range']).toBe('call-logs 0-1/2');
      const filtered = await list(as(a.agent), { filter: { agentId: a.agent2.id } }).expect(200);
      expect(filtered.body).toEqual([]);
    });

    it('filters by direction, outcome, agentId ("me"), startedAt range and disposition', async () => {
      expect(idsOf((await list(as(a.supervisor), { filter: { direction: 'outbound' } })).body)).toEqual([ids.agentNew]);
      expect(idsOf((await list(as(a.supervisor), { filter: { outcome: 'missed' } })).body)).toEqual([ids.missed]);
      expect(idsOf((await list(as(a.agent), { filter: { agentId: 'me' } })).body)).toEqual([ids.agentNew, ids.agentOld].sort());
      const since = new Date(Date.now() - 2.5 * DAY).toISOString();
      expect(idsOf((await list(as(a.supervisor), { filter: { startedAt_gte: since } })).body)).toEqual([ids.agentNew, ids.agent2].sort());
      expect((await list(as(a.supervisor), { filter: { disposition: 'Sale' } })).body).toEqual([]);
    });

    it('finds calls by a number prefix: international, 00, national (tenant country) and bare digits', async () => {
      const q = async (text: string) => idsOf((await list(as(a.supervisor), { filter: { q: text } }).expect(200)).body);
      expect(await q('+49 30 123')).toEqual([ids.agentOld]);
      expect(await q('0049 30 1234')).toEqual([ids.agentOld]);
      expect(await q('030 1234')).toEqual([ids.agentOld]);
      expect(await q('0151 1234')).toEqual([ids.agentNew]);
      expect(await q('4420 7946')).toEqual([ids.agent2]);
      expect(await q('089')).toEqual([ids.missed]);
      expect(await q('anna')).toEqual([]);
    });

    it('sorts by an allowed field and refuses others with 400', async () => {
      const res = await list(as(a.supervisor), { sort: ['startedAt', 'ASC'] }).expect(200);
      expect(res.body[0].id).toBe(ids.agentOld);
      await list(as(a.supervisor), { sort: ['notes', 'ASC'] }).expect(400);
    });

    it('lets a calls:read key list, and refuses a calls:write-only key (403)', async () => {
      const res = await list(readKey.header).expect(200);
      expect(res.headers['content-range']).toBe('call-logs 0-3/4');
      await list(aKey.header).expect(403);
    });

    it("never lists another tenant's calls, even when asked for their ids", async () => {
      const res = await list(as(a.supervisor), { filter: { id: [ids.inB, ids.agentOld] } }).expect(200);
      expect(idsOf(res.body)).toEqual([ids.agentOld]);
      expect(res.headers['content-range']).toBe('call-logs 0-0/1');
      const asB = await list(as(b.supervisor, b)).expect(200);
      expect(idsOf(asB.body)).toEqual([ids.inB]);
    });

    it('needs a chosen tenant for a super admin (X-Tenant-Id)', async () => {
      await list(tokenFor(t, superAdmin, null)).expect(400);
      const res = await list({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id }).expect(200);
      expect(res.body).toHaveLength(4);
    });
  });

  describe('GET /call-logs/:id', () => {
    it('shows a call to staff and to its agent, but not to another agent (404)', async () => {
      await getOne(ids.agent2, as(a.supervisor)).expect(200);
      const own = await getOne(ids.agentOld, as(a.agent)).expect(200);
      expect(own.body).toMatchObject({ id: ids.agentOld, fromNumber: '+493012345678' });
      await getOne(ids.agent2, as(a.agent)).expect(404);
    });

    it("answers 404 for another tenant's call (JWT and API key) and for a non-uuid id", async () => {
      await getOne(ids.inB, as(a.admin)).expect(404);
      await getOne(ids.inB, readKey.header).expect(404);
      await getOne('nope', as(a.admin)).expect(404);
    });
  });

  describe('PUT /call-logs/:id', () => {
    it('lets the agent set disposition, notes and wrap-up on their own call, published as call-log.updated', async () => {
      const res = await put(ids.agentOld, as(a.agent), { disposition: 'Sale', notes: 'wants a quote', wrapUpSeconds: 45, fromNumber: '+1 999', id: 'x' }).expect(200);
      expect(res.body).toMatchObject({ disposition: 'Sale', notes: 'wants a quote', wrapUpSeconds: 45, fromNumber: '+493012345678' });
      const events = await t.orm.em.fork().find(OutboxEvent, { resourceId: ids.agentOld, name: 'call-log.updated' }, { filters: false });
      expect(events.at(-1)?.payload).toMatchObject({ agentId: a.agent.id, changed: ['disposition', 'notes', 'wrapUpSeconds'] });
    });

    it("does not let an agent edit another agent's call (404: not even readable)", async () => {
      await put(ids.agent2, as(a.agent), { notes: 'mine now' }).expect(404);
      expect((await stored(ids.agent2))?.notes).toBeNull();
    });

    it('links a lead by hand and records the contact; refuses unknown references with 422', async () => {
      const lead = await api().post(`${API}/leads`).set(as(a.supervisor)).send({ name: 'Ada', phone: '+49 30 55512345' }).expect(201);
      const res = await put(ids.missed, as(a.supervisor), { leadId: lead.body.id }).expect(200);
      expect(res.body).toMatchObject({ leadId: lead.body.id, leadMatch: 'matched' });
      expect((await t.orm.em.fork().findOneOrFail(Lead, lead.body.id, { filters: false })).lastContactedAt).not.toBeNull();
      const bad = await put(ids.missed, as(a.supervisor), { disposition: 'Nope', ticketId: ids.inB }).expect(422);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['disposition', 'ticketId']);
    });

    it("answers 404 for another tenant's call and leaves it unchanged", async () => {
      await put(ids.inB, as(a.admin), { notes: 'hijack' }).expect(404);
      expect((await stored(ids.inB))?.notes).toBeNull();
    });
  });

  describe('DELETE /call-logs/:id', () => {
    it('refuses agents (403 on their own call), supervisors (403) and another tenant (404), and lets admins delete', async () => {
      await del(ids.agentNew, as(a.agent)).expect(403);
      await del(ids.agentNew, as(a.supervisor)).expect(403);
      expect(await stored(ids.agentNew)).not.toBeNull();
      await del(ids.inB, as(a.admin)).expect(404);
      expect(await stored(ids.inB)).not.toBeNull();
      const res = await del(ids.agentNew, as(a.admin)).expect(200);
      expect(res.body.id).toBe(ids.agentNew);
      expect(await stored(ids.agentNew)).toBeNull();
    });
  });
});
