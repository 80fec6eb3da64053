import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { CallLog } from '../../backend/src/calls/call-log.entity';
import { Ticket } from '../../backend/src/tickets/ticket.entity';
import { Notification } from '../../backend/src/notifications/notification.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';
import { API, answeredCall, createApiKey, missedCall, type TestApiKey } from './call-logs.fixtures';

describe('missed-call follow-up tickets', () => {
  let t: TestApp;
  let a: TenantFixture;
  let aKey: TestApiKey;
  let n = 0;

  /** A fresh caller number per test, so tests do not share open tickets. */
  const caller = () => `+1415555${String(2000 + ++n).padStart(4, '0')}`;
  const post = (auth: Record<string, string>, body: object) => request(t.server).post(`${API}/call-logs`).set(auth).send(body);
  const em = () => t.orm.em.fork();
  const ticketsFor = (f: TenantFixture, phone: string) => em().find(Ticket, { tenantId: f.tenant.id, requesterPhone: phone }, { filters: false });
  const notificationsOf = (userId: string, resourceId: string) => em().find(Notification, { userId, resourceId }, { filters: false });

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    aKey = await createApiKey(t, a, ['calls:write']);
  });
  afterAll(() => t.close());

  it('opens a phone ticket for a missed inbound call, assigned to the call’s agent, and notifies them', async () => {
    const from = caller();
    const res = await post(aKey.header, missedCall({ fromNumber: from, agentId: a.agent.id })).expect(201);
    const [ticket] = await ticketsFor(a, from);
    expect(ticket).toMatchObject({
      subject: `Missed call from ${from}`,
      channel: 'phone',
      status: 'new',
      requesterName: from,
      requesterPhone: from,
      assigneeId: a.agent.id,
      callLogId: res.body.id,
    });
    expect(ticket.number).toBeGreaterThanOrEqual(1001);
    expect(res.body.ticketId).toBe(ticket.id);
    expect((await notificationsOf(a.agent.id, ticket.id)).map((x) => x.type)).toContain('call.missed');
    const events = await em().find(OutboxEvent, { tenantId: a.tenant.id, resourceId: { $in: [ticket.id, res.body.id] } }, { filters: false, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['ticket.created', 'call-log.created']));
    expect(events.find((e) => e.name === 'call-log.created')?.payload.ticketId).toBe(ticket.id);
    const audit = await em().find(AuditEvent, { resourceId: ticket.id }, { filters: false });
    expect(audit.map((x) => [x.action, x.actorType, x.actorId])).toEqual([['create', 'apiKey', aKey.id]]);
  });

  it("names the ticket's requester after the matched lead", async () => {
    const from = caller();
    const lead = await request(t.server).post(`${API}/leads`).set(tokenFor(t, a.supervisor, a.tenant.id)).send({ name: 'Grace Hopper', phone: from }).expect(201);
    await post(aKey.header, missedCall({ fromNumber: from, outcome: 'voicemail', missedReason: null })).expect(201);
    const [ticket] = await ticketsFor(a, from);
    expect(ticket).toMatchObject({ requesterName: 'Grace Hopper', leadId: lead.body.id, assigneeId: null });
  });

  it('notifies the supervisors when the call has no agent', async () => {
    const from = caller();
    await post(aKey.header, missedCall({ fromNumber: from, outcome: 'abandoned', missedReason: 'abandoned_in_queue' })).expect(201);
    const [ticket] = await ticketsFor(a, from);
    expect(await notificationsOf(a.supervisor.id, ticket.id)).toHaveLength(1);
    expect(await notificationsOf(a.agent.id, ticket.id)).toHaveLength(0);
  });

  it('links a second missed call from the number to the same open ticket', async () => {
    const from = caller();
    const first = await post(aKey.header, missedCall({ fromNumber: from, agentId: a.agent.id })).expect(201);
    const second = await post(aKey.header, missedCall({ fromNumber: from, agentId: a.agent2.id })).expect(201);
    const tickets = await ticketsFor(a, from);
    expect(tickets).toHaveLength(1);
    expect(second.body.ticketId).toBe(first.body.ticketId);
    expect(tickets[0].callLogId).toBe(first.body.id);
    expect(await notificationsOf(a.agent2.id, tickets[0].id)).toHaveLength(1);
  });

  it('opens a new ticket once the earlier one is resolved', async () => {
    const from = caller();
    const first = await post(aKey.header, missedCall({ fromNumber: from })).expect(201);
    await t.orm.em.getConnection().execute(`update tickets set status = 'resolved' where id = ?`, [first.body.ticketId]);
    const second = await post(aKey.header, missedCall({ fromNumber: from })).expect(201);
    expect(second.body.ticketId).not.toBe(first.body.ticketId);
    expect(await ticketsFor(a, from)).toHaveLength(2);
  });

  it('creates exactly one ticket for 10 concurrent missed calls from one number', async () => {
    const from = caller();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(aKey.header, missedCall({ fromNumber: from }))));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const tickets = await ticketsFor(a, from);
    expect(tickets).toHaveLength(1);
    expect(new Set(responses.map((r) => r.body.ticketId))).toEqual(new Set([tickets[0].id]));
  });

  it('creates one ticket per number for repeated misses within one bulk request', async () => {
    const [x, y] = [caller(), caller()];
    const res = await request(t.server)
      .post(`${API}/call-logs/bulk`)
      .set(aKey.header)
      .send({ items: [missedCall({ fromNumber: x }), missedCall({ fromNumber: y }), missedCall({ fromNumber: x })] })
      .expect(200);
    expect(res.body.created).toBe(3);
    expect(await ticketsFor(a, x)).toHaveLength(1);
    expect(await ticketsFor(a, y)).toHaveLength(1);
    const calls = await em().find(CallLog, { id: { $in: res.body.items.map((i: { id: string }) => i.id) } }, { filters: false });
    expect(new Set(calls.filter((c) => c.fromNumber === x).map((c) => c.ticketId)).size).toBe(1);
  });

  it('opens the ticket when a ringing call completes as missed, not before', async () => {
    const from = caller();
    const ringing = missedCall({ fromNumber: from, status: 'ringing', outcome: null, missedReason: null, endedAt: null });
    await post(aKey.header, ringing).expect(201);
    expect(await ticketsFor(a, from)).toHaveLength(0);
    await post(aKey.header, { ...ringing, status: 'completed', outcome: 'missed', endedAt: new Date().toISOString() }).expect(200);
    expect(await ticketsFor(a, from)).toHaveLength(1);
  });

  it('leaves answered calls, outbound misses and calls already on a ticket alone', async () => {
    const from = caller();
    await post(aKey.header, answeredCall({ fromNumber: from })).expect(201);
    await post(aKey.header, missedCall({ direction: 'outbound', fromNumber: '+12015550100', toNumber: from })).expect(201);
    expect(await ticketsFor(a, from)).toHaveLength(0);
  });

  it('does nothing when the tenant switched follow-ups off', async () => {
    const f = await createTenantFixture(t);
    await t.orm.em.getConnection().execute(`update tenants set settings = '{"missedCallFollowUp": false}' where id = ?`, [f.tenant.id]);
    const key = await createApiKey(t, f, ['calls:write']);
    const from = caller();
    const res = await post(key.header, missedCall({ fromNumber: from })).expect(201);
    expect(res.body.ticketId).toBeNull();
    expect(await ticketsFor(f, from)).toHaveLength(0);
  });
});
