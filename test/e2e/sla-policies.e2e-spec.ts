import request from 'supertest';
import type { TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { createClockedApp, createPolicy, createTicket, getTicket, TestClock } from './sla.fixtures';

const API = '/api/v1/sla-policies';

describe('SLA policies', () => {
  const clock = new TestClock();
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  const as = (f: TenantFixture, who: 'admin' | 'supervisor' | 'agent') => tokenFor(t, f[who], f.tenant.id);

  beforeAll(async () => {
    t = await createClockedApp(clock);
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
  });
  afterAll(() => t.close());

  it('creates a policy with the documented defaults, after the last one', async () => {
    const f = await createTenantFixture(t);
    const first = await createPolicy(t, f, { name: 'First', tags: [' Callback ', 'callback'] });
    const second = await createPolicy(t, f, { name: 'Second', priorities: ['urgent', 'high'], channels: ['email'], resolutionMinutes: 240 });
    expect(first).toMatchObject({
      name: 'First', position: 0, tags: ['callback'], priorities: [], channels: [], firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: null,
      warnAtPercent: [75, 90], pauseStatuses: ['pending'], calendarId: null, active: true, version: 1,
    });
    expect(second).toMatchObject({ position: 1, priorities: ['urgent', 'high'], channels: ['email'] });
    const got = await request(t.server).get(`${API}/${first.id}`).set(as(f, 'agent')).expect(200);
    expect(got.headers.etag).toBe('"1"');
  });

  it.each([
    ['warnings not strictly ascending', { warnAtPercent: [90, 75] }, 'warnAtPercent'],
    ['a warning at 100 %', { warnAtPercent: [75, 100] }, 'warnAtPercent'],
    ['a warning of 0 %', { warnAtPercent: [0] }, 'warnAtPercent'],
    ['a target of 0 minutes', { firstResponseMinutes: 0 }, 'firstResponseMinutes'],
    ['a fractional target', { resolutionMinutes: 1.5 }, 'resolutionMinutes'],
    ['no target at all', { firstResponseMinutes: null }, 'firstResponseMinutes'],
    ['an unknown priority', { priorities: ['critical'] }, 'priorities'],
    ['a channel twice', { channels: ['email', 'email'] }, 'channels'],
    ['pausing in resolved', { pauseStatuses: ['resolved'] }, 'pauseStatuses'],
    ['an unknown calendar', { calendarId: '00000000-0000-4000-8000-000000000000' }, 'calendarId'],
  ])('refuses %s (400, errors.%s)', async (_what, body, field) => {
    const res = await request(t.server).post(API).set(as(a, 'admin')).send({ name: `Bad ${field}`, firstResponseMinutes: 60, ...body }).expect(400);
    expect(res.body.errors).toHaveProperty([field]);
  });

  it('refuses a duplicate name (409 errors.name)', async () => {
    await createPolicy(t, a, { name: 'Unique name' });
    const res = await request(t.server).post(API).set(as(a, 'admin')).send({ name: 'Unique name', firstResponseMinutes: 5 }).expect(409);
    expect(res.body.errors).toEqual({ name: 'already in use' });
  });

  it('supervisors and agents read; only org admins write', async () => {
    const policy = await createPolicy(t, a, {});
    for (const who of ['supervisor', 'agent'] as const) {
      const list = await request(t.server).get(API).set(as(a, who)).expect(200);
      expect(list.body.map((p: { id: string }) => p.id)).toContain(policy.id);
      await request(t.server).post(API).set(as(a, who)).send({ name: 'Nope', firstResponseMinutes: 5 }).expect(403);
      await request(t.server).put(`${API}/${policy.id}`).set(as(a, who)).send({ version: policy.version, firstResponseMinutes: 5 }).expect(403);
      await request(t.server).delete(`${API}/${policy.id}`).set(as(a, who)).expect(403);
      await request(t.server).post(`${API}/reorder`).set(as(a, who)).send({ ids: [policy.id] }).expect(403);
    }
  });

  describe('optimistic concurrency', () => {
    it('a stale version gets 409 and changes nothing; the current one (body or If-Match) wins', async () => {
      const policy = await createPolicy(t, a, {});
      const ok = await request(t.server).put(`${API}/${policy.id}`).set(as(a, 'admin')).send({ ...policy, firstResponseMinutes: 45 }).expect(200);
      expect(ok.body).toMatchObject({ firstResponseMinutes: 45, version: 2 });
      expect(ok.headers.etag).toBe('"2"');
      const stale = await request(t.server).put(`${API}/${policy.id}`).set(as(a, 'admin')).send({ ...policy, firstResponseMinutes: 5 }).expect(409);
      expect(stale.body.type).toMatch(/version-conflict$/);
      await request(t.server).put(`${API}/${policy.id}`).set(as(a, 'admin')).set('If-Match', '"1"').send({ firstResponseMinutes: 5 }).expect(409);
      const byHeader = await request(t.server).put(`${API}/${policy.id}`).set(as(a, 'admin')).set('If-Match', '"2"').send({ name: 'Renamed by ETag' }).expect(200);
      expect(byHeader.body).toMatchObject({ name: 'Renamed by ETag', firstResponseMinutes: 45, version: 3 });
    });

    it('requires a version (400)', async () => {
      const policy = await createPolicy(t, a, {});
      const res = await request(t.server).put(`${API}/${policy.id}`).set(as(a, 'admin')).send({ firstResponseMinutes: 5 }).expect(400);
      expect(res.body.errors).toHaveProperty('version');
    });

    it('of two concurrent edits with the same version, exactly one wins', async () => {
      const policy = await createPolicy(t, a, {});
      const results = await Promise.all(
        [10, 20].map((m) => request(t.server).put(`${API}/${policy.id}`).set(as(a, 'admin')).send({ version: policy.version, firstResponseMinutes: m })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });
  });

  describe('order', () => {
    it('the first active match wins, and reorder (every policy once) changes which one applies', async () => {
      const f = await createTenantFixture(t);
      const broad = await createPolicy(t, f, { name: 'Broad', firstResponseMinutes: 240 });
      const urgent = await createPolicy(t, f, { name: 'Urgent', priorities: ['urgent'], firstResponseMinutes: 15 });
      const ticket = await createTicket(t, f, { priority: 'urgent' });
      expect(ticket.slaPolicyId).toBe(broad.id);

      const missing = await request(t.server).post(`${API}/reorder`).set(as(f, 'admin')).send({ ids: [urgent.id] }).expect(400);
      expect(missing.body.errors).toHaveProperty('ids');
      const foreign = await createPolicy(t, b, {});
      await request(t.server).post(`${API}/reorder`).set(as(f, 'admin')).send({ ids: [urgent.id, foreign.id] }).expect(400);

      const reordered = await request(t.server).post(`${API}/reorder`).set(as(f, 'admin')).send({ ids: [urgent.id, broad.id] }).expect(200);
      expect(reordered.body.map((p: { id: string; position: number }) => [p.id, p.position])).toEqual([[urgent.id, 0], [broad.id, 1]]);
      const after = await getTicket(t, f, ticket.id);
      expect(after.slaPolicyId).toBe(urgent.id);
      expect(after.sla!.firstResponse!.dueAt).toBe(new Date(new Date(ticket.createdAt).getTime() + 15 * 60_000).toISOString());
      // the ticket's own version is not the policies' business
      expect(after.version).toBe(ticket.version);

      const deactivated = await request(t.server).put(`${API}/${urgent.id}`).set(as(f, 'admin')).send({ version: reordered.body[0].version, active: false }).expect(200);
      expect(deactivated.body.active).toBe(false);
      expect((await getTicket(t, f, ticket.id)).slaPolicyId).toBe(broad.id);
    });

    it('deleting a policy moves its open tickets to the next match, keeping the SLA log', async () => {
      const f = await createTenantFixture(t);
      const first = await createPolicy(t, f, { name: 'First', firstResponseMinutes: 30 });
      const ticket = await createTicket(t, f);
      expect(ticket.slaPolicyId).toBe(first.id);
      await request(t.server).delete(`${API}/${first.id}`).set(as(f, 'admin')).expect(200);
      const orphan = await getTicket(t, f, ticket.id);
      expect(orphan).toMatchObject({ slaPolicyId: null, sla: null, slaNextDueAt: null });
      const second = await createPolicy(t, f, { name: 'Second', firstResponseMinutes: 90 });
      const matched = await getTicket(t, f, ticket.id);
      expect(matched.slaPolicyId).toBe(second.id);
      expect(matched.sla!.firstResponse!.dueAt).toBe(new Date(new Date(ticket.createdAt).getTime() + 90 * 60_000).toISOString());
      const log = await request(t.server).get('/api/v1/sla-events').set(as(f, 'agent')).query({ filter: JSON.stringify({ ticketId: ticket.id }) }).expect(200);
      expect(log.body.map((e: { policyId: string | null; kind: string }) => [e.kind, e.policyId])).toEqual([
        ['applied', null],
        ['applied', second.id],
      ]);
    });
  });

  describe('across tenants', () => {
    it("one tenant's policies never apply to another tenant's tickets", async () => {
      const [x, y] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
      const yTicket = await createTicket(t, y, { priority: 'urgent' });
      await createPolicy(t, x, { name: 'Everything in X', firstResponseMinutes: 10 });
      const xTicket = await createTicket(t, x, { priority: 'urgent' });
      expect(xTicket.slaPolicyId).not.toBeNull();
      expect(await getTicket(t, y, yTicket.id)).toMatchObject({ slaPolicyId: null, sla: null });
      const yLater = await createTicket(t, y, { priority: 'urgent' });
      expect(yLater).toMatchObject({ slaPolicyId: null, sla: null });
    });

    it("another tenant's policy is not found and stays unchanged; lists and totals are per tenant", async () => {
      const theirs = await createPolicy(t, b, { name: 'B policy' });
      await request(t.server).get(`${API}/${theirs.id}`).set(as(a, 'admin')).expect(404);
      await request(t.server).put(`${API}/${theirs.id}`).set(as(a, 'admin')).send({ version: theirs.version, firstResponseMinutes: 1 }).expect(404);
      await request(t.server).delete(`${API}/${theirs.id}`).set(as(a, 'admin')).expect(404);
      const still = await request(t.server).get(`${API}/${theirs.id}`).set(as(b, 'admin')).expect(200);
      expect(still.body).toMatchObject({ firstResponseMinutes: 60, version: theirs.version });

      const mine = await request(t.server).get(API).set(as(a, 'supervisor')).query({ range: '[0,999]' }).expect(200);
      expect(mine.body.every((p: { tenantId: string }) => p.tenantId === a.tenant.id)).toBe(true);
      expect(mine.body.map((p: { id: string }) => p.id)).not.toContain(theirs.id);
      expect(mine.headers['content-range']).toBe(`sla-policies 0-${mine.body.length - 1}/${mine.body.length}`);
    });
  });
});
