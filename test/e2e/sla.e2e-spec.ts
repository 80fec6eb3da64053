import request from 'supertest';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { SlaService } from '../../backend/src/sla/sla.service';
import type { TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { createClockedApp, createPolicy, createTicket, getTicket, minutesAfter, runJob, slaEvents, summary, TestClock, updateTicket } from './sla.fixtures';

const iso = (d: Date) => d.toISOString();
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('SLA on tickets', () => {
  const clock = new TestClock();
  let t: TestApp;

  beforeAll(async () => {
    t = await createClockedApp(clock);
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  describe('matching', () => {
    let f: TenantFixture;
    let callback: { id: string };
    let urgent: { id: string };
    let broad: { id: string };

    beforeAll(async () => {
      f = await createTenantFixture(t);
      callback = await createPolicy(t, f, { name: 'Callback', tags: ['callback'], firstResponseMinutes: 30 });
      urgent = await createPolicy(t, f, { name: 'Urgent', priorities: ['urgent'], firstResponseMinutes: 15, resolutionMinutes: 240 });
      await createPolicy(t, f, { name: 'Inactive', firstResponseMinutes: 1, active: false });
      broad = await createPolicy(t, f, { name: 'Everything else', firstResponseMinutes: 60, resolutionMinutes: 480 });
    });

    it('a new ticket gets the first active matching policy; due times count from creation', async () => {
      const ticket = await createTicket(t, f, { priority: 'urgent' });
      expect(ticket.slaPolicyId).toBe(urgent.id);
      expect(ticket.sla).toEqual({
        firstResponse: { status: 'active', startedAt: ticket.createdAt, targetMinutes: 15, pausedMinutes: 0, dueAt: iso(minutesAfter(ticket.createdAt, 15)), metAt: null, warnedPercent: null },
        nextResponse: null,
        resolution: { status: 'active', startedAt: ticket.createdAt, targetMinutes: 240, pausedMinutes: 0, dueAt: iso(minutesAfter(ticket.createdAt, 240)), metAt: null, warnedPercent: null },
      });
      expect(ticket.slaNextDueAt).toBe(iso(minutesAfter(ticket.createdAt, 15)));
      expect(summary(await slaEvents(t, f, ticket.id))).toEqual(['first_response:applied', 'resolution:applied']);

      const tagged = await createTicket(t, f, { priority: 'urgent', tags: ['callback'] });
      expect(tagged.slaPolicyId).toBe(callback.id);
      expect(tagged.sla!.resolution).toMatchObject({ targetMinutes: null, dueAt: null });
      expect((await createTicket(t, f, { priority: 'low' })).slaPolicyId).toBe(broad.id);
    });

    it('changing priority or tags re-matches; the clocks keep their start', async () => {
      const ticket = await createTicket(t, f, { priority: 'normal' });
      expect(ticket.slaPolicyId).toBe(broad.id);
      clock.set(minutesAfter(ticket.createdAt, 5));
      const raised = await updateTicket(t, f, ticket.id, { priority: 'urgent' });
      expect(raised.slaPolicyId).toBe(urgent.id);
      expect(raised.sla!.firstResponse).toMatchObject({ startedAt: ticket.createdAt, dueAt: iso(minutesAfter(ticket.createdAt, 15)) });
      clock.set(minutesAfter(ticket.createdAt, 6));
      const tagged = await updateTicket(t, f, ticket.id, { tags: ['callback'] });
      expect(tagged.slaPolicyId).toBe(callback.id);
      clock.set(minutesAfter(ticket.createdAt, 7));
      const untagged = await updateTicket(t, f, ticket.id, { tags: [] });
      expect(untagged.slaPolicyId).toBe(urgent.id);
      expect(summary(await slaEvents(t, f, ticket.id))).toEqual([
        'first_response:applied', 'resolution:applied', // broad
        'first_response:applied', 'resolution:applied', // urgent
        'first_response:applied', // callback (no resolution target)
        'first_response:applied', 'resolution:applied', // urgent again
      ]);
    });
  });

  describe('pauses', () => {
    it('pending pauses the clocks; leaving it moves due times by exactly the paused time (24/7)', async () => {
      const f = await createTenantFixture(t);
      await createPolicy(t, f, { firstResponseMinutes: 60, resolutionMinutes: 240 });
      const ticket = await createTicket(t, f);
      clock.set(minutesAfter(ticket.createdAt, 10));
      const pending = await updateTicket(t, f, ticket.id, { status: 'pending' });
      expect(pending).toMatchObject({ slaPausedSince: iso(minutesAfter(ticket.createdAt, 10)), slaNextDueAt: null });
      expect(pending.sla!.firstResponse!.status).toBe('paused');

      clock.set(minutesAfter(ticket.createdAt, 47));
      const open = await updateTicket(t, f, ticket.id, { status: 'open' });
      expect(open).toMatchObject({ slaPausedSince: null, slaPausedMinutes: 37, slaNextDueAt: iso(minutesAfter(ticket.createdAt, 97)) });
      expect(open.sla!.firstResponse).toMatchObject({ status: 'active', pausedMinutes: 37, dueAt: iso(minutesAfter(ticket.createdAt, 97)) });
      expect(open.sla!.resolution!.dueAt).toBe(iso(minutesAfter(ticket.createdAt, 277)));
      expect(summary(await slaEvents(t, f, ticket.id))).toEqual([
        'first_response:applied', 'resolution:applied',
        'first_response:paused', 'resolution:paused',
        'first_response:resumed', 'resolution:resumed',
      ]);
    });

    it('a pause across closed hours moves due times by its business minutes only', async () => {
      const f = await createTenantFixture(t);
      // open around the clock except one hour starting 20 minutes from now (UTC, every day)
      const closedFrom = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 20 * 60_000);
      const closedTo = minutesAfter(closedFrom, 60);
      const intervals = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: hhmm(closedTo), end: hhmm(closedFrom) }));
      const calendar = await request(t.server).post('/api/v1/business-calendars').set(tokenFor(t, f.admin, f.tenant.id)).send({ name: 'All but an hour', timezone: 'UTC', intervals }).expect(201);
      await createPolicy(t, f, { firstResponseMinutes: 180, calendarId: calendar.body.id });
      const ticket = await createTicket(t, f);
      const dueBefore = new Date(ticket.sla!.firstResponse!.dueAt!);
      // 180 business minutes skip the closed hour
      expect(dueBefore.getTime() - new Date(ticket.createdAt).getTime()).toBe(240 * 60_000);

      clock.set(minutesAfter(closedFrom, -10));
      await updateTicket(t, f, ticket.id, { status: 'pending' });
      clock.set(minutesAfter(closedTo, 20));
      const resumed = await updateTicket(t, f, ticket.id, { status: 'open' });
      // paused 90 minutes on the wall clock, 30 of them business minutes
      expect(resumed.slaPausedMinutes).toBe(30);
      expect(resumed.sla!.firstResponse!.dueAt).toBe(iso(minutesAfter(dueBefore, 30)));
    });
  });

  describe('responses', () => {
    let f: TenantFixture;
    beforeAll(async () => {
      f = await createTenantFixture(t);
      await createPolicy(t, f, { firstResponseMinutes: 60, nextResponseMinutes: 30, resolutionMinutes: 240 });
    });
    const note = (ticketId: string, visibility: string, who: 'agent' | 'admin' = 'agent') =>
      request(t.server).post('/api/v1/ticket-notes').set(tokenFor(t, f[who], f.tenant.id)).send({ ticketId, body: 'On it', visibility }).expect(201);

    it('a public agent note meets first response; an internal one does not', async () => {
      const ticket = await createTicket(t, f);
      clock.set(minutesAfter(ticket.createdAt, 10));
      await note(ticket.id, 'internal');
      expect((await getTicket(t, f, ticket.id)).sla!.firstResponse!.status).toBe('active');
      clock.set(minutesAfter(ticket.createdAt, 20));
      await note(ticket.id, 'public');
      const answered = await getTicket(t, f, ticket.id);
      expect(answered.sla!.firstResponse).toMatchObject({ status: 'met', metAt: iso(minutesAfter(ticket.createdAt, 20)) });
      expect(answered.slaNextDueAt).toBe(answered.sla!.resolution!.dueAt);
      expect(answered.version).toBe(ticket.version);
      expect(summary(await slaEvents(t, f, ticket.id))).toEqual(['first_response:applied', 'resolution:applied', 'first_response:met']);
    });

    it('a public note after the due time meets it late: breached, recorded once', async () => {
      const ticket = await createTicket(t, f);
      clock.set(minutesAfter(ticket.createdAt, 75));
      await note(ticket.id, 'public');
      await note(ticket.id, 'public');
      const late = await getTicket(t, f, ticket.id);
      expect(late.sla!.firstResponse).toMatchObject({ status: 'breached', metAt: iso(minutesAfter(ticket.createdAt, 75)) });
      const events = await slaEvents(t, f, ticket.id);
      expect(summary(events)).toEqual(['first_response:applied', 'resolution:applied', 'first_response:breached', 'first_response:met']);
      expect(events[2]).toMatchObject({ occurredAt: iso(minutesAfter(ticket.createdAt, 60)), dueAt: iso(minutesAfter(ticket.createdAt, 60)) });
    });

    it('SlaService.recordFirstResponse (what the calls module calls for an outbound call) meets first response', async () => {
      const ticket = await createTicket(t, f);
      const at = minutesAfter(ticket.createdAt, 12);
      await forkForTenant(t.orm.em, f.tenant.id).transactional((em) => t.app.get(SlaService).recordFirstResponse(em, ticket.id, at));
      const answered = await getTicket(t, f, ticket.id);
      expect(answered.sla!.firstResponse).toMatchObject({ status: 'met', metAt: iso(at) });
      expect(answered.version).toBe(ticket.version);
    });

    it('an outbound call linked to the ticket (POST /call-logs) counts as first response: no warning, met at the call', async () => {
      const ticket = await createTicket(t, f, { requesterPhone: '+1 415 555 0188' });
      const startedAt = minutesAfter(ticket.createdAt, 5);
      await request(t.server)
        .post('/api/v1/call-logs')
        .set(tokenFor(t, f.agent, f.tenant.id))
        .send({
          externalId: `sla-call-${ticket.id}`, direction: 'outbound', status: 'completed', outcome: 'answered', fromNumber: '+1 201 555 0100', toNumber: '+1 415 555 0188',
          startedAt: iso(startedAt), answeredAt: iso(minutesAfter(startedAt, 0.2)), endedAt: iso(minutesAfter(startedAt, 3)), ticketId: ticket.id,
        })
        .expect((res) => expect([200, 201]).toContain(res.status));
      // whether the calls module tells the SLA module at once or the job settles it at the first warning time
      clock.set(minutesAfter(ticket.createdAt, 46));
      await runJob(t);
      const answered = await getTicket(t, f, ticket.id);
      expect(answered.sla!.firstResponse).toMatchObject({ status: 'met', metAt: iso(startedAt) });
      const kinds = summary(await slaEvents(t, f, ticket.id));
      expect(kinds).toContain('first_response:met');
      expect(kinds.filter((k) => k.includes('warning'))).toEqual([]);
    });

    it('resolving settles the clocks; reopening restarts resolution and starts next response, met by the next public note', async () => {
      const ticket = await createTicket(t, f);
      clock.set(minutesAfter(ticket.createdAt, 30));
      const resolved = await updateTicket(t, f, ticket.id, { status: 'resolved' });
      expect(resolved.sla!.resolution).toMatchObject({ status: 'met', metAt: iso(minutesAfter(ticket.createdAt, 30)) });
      expect(resolved.slaNextDueAt).toBeNull();

      clock.set(minutesAfter(ticket.createdAt, 300));
      const reopened = await updateTicket(t, f, ticket.id, { status: 'open' });
      const reopenedAt = minutesAfter(ticket.createdAt, 300);
      expect(reopened.sla!.resolution).toMatchObject({ status: 'active', startedAt: iso(reopenedAt), dueAt: iso(minutesAfter(reopenedAt, 240)) });
      expect(reopened.sla!.nextResponse).toMatchObject({ status: 'active', startedAt: iso(reopenedAt), dueAt: iso(minutesAfter(reopenedAt, 30)) });
      expect(reopened.slaNextDueAt).toBe(iso(minutesAfter(reopenedAt, 30)));

      clock.set(minutesAfter(reopenedAt, 10));
      await note(ticket.id, 'public', 'admin');
      expect((await getTicket(t, f, ticket.id)).sla!.nextResponse).toMatchObject({ status: 'met', metAt: iso(minutesAfter(reopenedAt, 10)) });
    });
  });

  describe('policy and calendar edits', () => {
    it('a policy edit re-matches its open tickets and keeps their paused time', async () => {
      const f = await createTenantFixture(t);
      const policy = await createPolicy(t, f, { firstResponseMinutes: 60 });
      const ticket = await createTicket(t, f);
      const done = await createTicket(t, f);
      clock.set(minutesAfter(ticket.createdAt, 10));
      await updateTicket(t, f, done.id, { status: 'resolved' });
      await updateTicket(t, f, ticket.id, { status: 'pending' });
      clock.set(minutesAfter(ticket.createdAt, 30));
      await updateTicket(t, f, ticket.id, { status: 'open' });
      expect((await getTicket(t, f, ticket.id)).sla!.firstResponse!.dueAt).toBe(iso(minutesAfter(ticket.createdAt, 80)));
      const doneBefore = await getTicket(t, f, done.id);

      clock.set(minutesAfter(ticket.createdAt, 40));
      await request(t.server)
        .put(`/api/v1/sla-policies/${policy.id}`)
        .set(tokenFor(t, f.admin, f.tenant.id))
        .send({ version: policy.version, firstResponseMinutes: 120 })
        .expect(200);
      const after = await getTicket(t, f, ticket.id);
      expect(after.sla!.firstResponse).toMatchObject({ targetMinutes: 120, pausedMinutes: 20, dueAt: iso(minutesAfter(ticket.createdAt, 140)) });
      expect(after.slaPausedMinutes).toBe(20);
      // resolved tickets keep the SLA they had
      expect(await getTicket(t, f, done.id)).toEqual(doneBefore);
      expect(summary(await slaEvents(t, f, ticket.id)).slice(-1)).toEqual(['first_response:applied']);
    });

    it('a calendar edit moves the due times of the open tickets under it', async () => {
      const f = await createTenantFixture(t);
      const everyDay = (start: string, end: string) => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start, end }));
      const calendar = await request(t.server)
        .post('/api/v1/business-calendars')
        .set(tokenFor(t, f.admin, f.tenant.id))
        .send({ name: 'All day', timezone: 'UTC', intervals: everyDay('00:00', '24:00') })
        .expect(201);
      await createPolicy(t, f, { firstResponseMinutes: 600, calendarId: calendar.body.id });
      const ticket = await createTicket(t, f);
      expect(ticket.sla!.firstResponse!.dueAt).toBe(iso(minutesAfter(ticket.createdAt, 600)));
      // every day closed from the ticket's creation minute, for 2 hours: its 600 minutes take 120 longer
      const from = new Date(Math.floor(new Date(ticket.createdAt).getTime() / 60_000) * 60_000);
      await request(t.server)
        .put(`/api/v1/business-calendars/${calendar.body.id}`)
        .set(tokenFor(t, f.admin, f.tenant.id))
        .send({ intervals: everyDay(hhmm(minutesAfter(from, 120)), hhmm(from)) })
        .expect(200);
      const moved = await getTicket(t, f, ticket.id);
      expect(moved.sla!.firstResponse!.dueAt).toBe(iso(minutesAfter(from, 720)));
    });
  });

  describe('the SLA log', () => {
    it("is readable like the ticket: another tenant's ticket is not found, and lists stay within the tenant", async () => {
      const [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
      await Promise.all([createPolicy(t, a, {}), createPolicy(t, b, {})]);
      const [mine, theirs] = await Promise.all([createTicket(t, a), createTicket(t, b)]);
      await request(t.server).get('/api/v1/sla-events').set(tokenFor(t, a.agent, a.tenant.id)).query({ filter: JSON.stringify({ ticketId: theirs.id }) }).expect(404);
      const theirEvents = await slaEvents(t, b, theirs.id);
      await request(t.server).get(`/api/v1/sla-events/${theirEvents[0].id}`).set(tokenFor(t, a.admin, a.tenant.id)).expect(404);
      const all = await request(t.server).get('/api/v1/sla-events').set(tokenFor(t, a.supervisor, a.tenant.id)).query({ range: '[0,999]' }).expect(200);
      expect(all.body.map((e: { ticketId: string }) => e.ticketId)).toEqual([mine.id]);
      expect(all.headers['content-range']).toBe('sla-events 0-0/1');
      const one = await request(t.server).get(`/api/v1/sla-events/${all.body[0].id}`).set(tokenFor(t, a.agent, a.tenant.id)).expect(200);
      expect(one.body).toMatchObject({ ticketId: mine.id, metric: 'first_response', kind: 'applied', cycle: 0 });
    });
  });
});
