import type { EntityManager } from '@mikro-orm/postgresql';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { ALERTS_PER_USER, SlaAlerts } from '../../backend/src/sla/sla-alerts.service';
import { SLA_DUE_SQL, SLA_JOB_INTERVAL, SlaJob } from '../../backend/src/sla/sla.job';
import type { TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { accessToken, connect, Inbox, listen, sleep } from '../support/sockets';
import { createClockedApp, createPolicy, createTicket, getTicket, minutesAfter, runJob, slaEvents, summary, TestClock, updateTicket, type TicketBody } from './sla.fixtures';

describe('the SLA job', () => {
  const clock = new TestClock();
  // two instances of the app on one database, sharing the test clock
  let one: TestApp;
  let two: TestApp;

  /** The SLA notifications a user has about a ticket, by type. */
  async function notificationsOf(f: TenantFixture, member: StaffMember, ticketId: string): Promise<string[]> {
    const res = await request(one.server)
      .get('/api/v1/notifications')
      .set(tokenFor(one, member, f.tenant.id))
      .query({ filter: JSON.stringify({ resourceId: ticketId, type: ['sla.warning', 'sla.breached'] }), sort: '["createdAt","ASC"]' })
      .expect(200);
    return res.body.map((n: { type: string }) => n.type);
  }

  async function outboxCount(name: string, ticketId: string): Promise<number> {
    const rows = await one.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from outbox_events where name = ? and resource_id = ?', [name, ticketId]);
    return Number(rows[0].n);
  }

  beforeAll(async () => {
    [one, two] = await Promise.all([createClockedApp(clock), createClockedApp(clock)]);
    // the tests run the job by hand
    for (const t of [one, two]) t.app.get(SchedulerRegistry).deleteInterval(SLA_JOB_INTERVAL);
  });
  afterEach(() => clock.reset());
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  it('fires the warning thresholds in order, then the breach, each once, and notifies the right people', async () => {
    const f = await createTenantFixture(one);
    await createPolicy(one, f, { firstResponseMinutes: 60, resolutionMinutes: 600, warnAtPercent: [75, 90] });
    const ticket = await createTicket(one, f, { assigneeId: f.agent.id });
    const at = (minutes: number) => clock.set(minutesAfter(ticket.createdAt, minutes));

    at(44);
    await runJob(one);
    expect(summary(await slaEvents(one, f, ticket.id))).toEqual(['first_response:applied', 'resolution:applied']);
    at(46);
    await runJob(one);
    at(47);
    await runJob(two);
    at(55);
    await runJob(two);
    at(61);
    await runJob(one);
    await runJob(two);

    const events = await slaEvents(one, f, ticket.id);
    expect(summary(events)).toEqual([
      'first_response:applied', 'resolution:applied',
      'first_response:warning:75', 'first_response:warning:90', 'first_response:breached',
    ]);
    expect(events.find((e) => e.kind === 'breached')).toMatchObject({ dueAt: minutesAfter(ticket.createdAt, 60).toISOString(), occurredAt: minutesAfter(ticket.createdAt, 60).toISOString(), cycle: 0 });
    const after = await getTicket(one, f, ticket.id);
    expect(after.sla!.firstResponse).toMatchObject({ status: 'breached', warnedPercent: 90 });
    expect(after.slaNextDueAt).toBe(minutesAfter(ticket.createdAt, 600).toISOString());

    expect(await notificationsOf(f, f.agent, ticket.id)).toEqual(['sla.warning', 'sla.warning', 'sla.breached']);
    expect(await notificationsOf(f, f.supervisor, ticket.id)).toEqual(['sla.breached']);
    expect(await notificationsOf(f, f.admin, ticket.id)).toEqual(['sla.breached']);
    expect(await notificationsOf(f, f.agent2, ticket.id)).toEqual([]);
    expect(await outboxCount('sla.warning', ticket.id)).toBe(2);
    expect(await outboxCount('sla.breached', ticket.id)).toBe(1);
  });

  it('records a breach once when two instances run at the same time', async () => {
    const f = await createTenantFixture(one);
    await createPolicy(one, f, { firstResponseMinutes: 30 });
    const tickets = await Promise.all([1, 2, 3].map(() => createTicket(one, f, { assigneeId: f.agent.id })));
    clock.set(minutesAfter(tickets[2].createdAt, 31));
    const runs = await Promise.all([one.app.get(SlaJob).runOnce(), two.app.get(SlaJob).runOnce()]);
    // whichever got the scan lock did the work; the other skipped (or found nothing left)
    expect(runs.filter((r) => r.alerts > 0).length).toBeLessThanOrEqual(1);
    await runJob(two);
    for (const ticket of tickets) {
      expect(summary(await slaEvents(one, f, ticket.id)).filter((k) => k.endsWith('breached'))).toEqual(['first_response:breached']);
      expect(await outboxCount('sla.breached', ticket.id)).toBe(1);
      expect(await notificationsOf(f, f.agent, ticket.id)).toEqual(['sla.breached']);
      expect(await notificationsOf(f, f.supervisor, ticket.id)).toEqual(['sla.breached']);
    }
  });

  it("writes a tenant's due tickets with as many statements for five tickets as for one", async () => {
    const f = await createTenantFixture(one);
    await createPolicy(one, f, { firstResponseMinutes: 30 });
    const statementsFor = async (count: number) => {
      const tickets = await Promise.all(Array.from({ length: count }, () => createTicket(one, f, { assigneeId: f.agent.id })));
      clock.set(minutesAfter(tickets.map((tk) => tk.createdAt).sort().at(-1)!, 31));
      const spy = jest.spyOn(two.orm.em.getConnection(), 'execute');
      try {
        const run = await runJob(two);
        expect(run).toMatchObject({ tickets: count, alerts: count });
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const single = await statementsFor(1);
    expect(await statementsFor(5)).toBe(single);
  });

  it('leaves paused tickets and tickets not yet due alone', async () => {
    const f = await createTenantFixture(one);
    await createPolicy(one, f, { firstResponseMinutes: 60 });
    const paused = await createTicket(one, f);
    const later = await createTicket(one, f);
    clock.set(minutesAfter(paused.createdAt, 1));
    const pausedBefore = await updateTicket(one, f, paused.id, { status: 'pending' });
    clock.set(minutesAfter(later.createdAt, 40));
    await runJob(one);
    expect(await getTicket(one, f, paused.id)).toEqual(pausedBefore);
    expect(summary(await slaEvents(one, f, later.id))).toEqual(['first_response:applied']);
    clock.set(minutesAfter(later.createdAt, 500));
    await runJob(one);
    expect((await getTicket(one, f, paused.id)).sla!.firstResponse!.status).toBe('paused');
  });

  it('an instance that fails mid-batch leaves nothing behind; the next run records everything once', async () => {
    const f = await createTenantFixture(one);
    await createPolicy(one, f, { firstResponseMinutes: 20 });
    const tickets: TicketBody[] = [];
    for (let i = 0; i < 2; i++) tickets.push(await createTicket(one, f, { assigneeId: f.agent.id }));
    const before = await Promise.all(tickets.map((tk) => getTicket(one, f, tk.id)));
    clock.set(minutesAfter(tickets[1].createdAt, 25));

    const alerts = two.app.get(SlaAlerts);
    const record = alerts.record.bind(alerts);
    // dies after writing the batch's alerts, notifications and outbox rows, before the commit
    const spy = jest.spyOn(alerts, 'record').mockImplementation(async (...args) => {
      await record(...args);
      throw new Error('instance died');
    });
    let failed = false;
    for (let attempt = 0; attempt < 100 && !failed; attempt++) {
      try {
        const run = await two.app.get(SlaJob).runOnce();
        if (run.scanned) throw new Error('the run should have failed');
        await sleep(20);
      } catch (error) {
        expect((error as Error).message).toBe('instance died');
        failed = true;
      }
    }
    spy.mockRestore();
    expect(failed).toBe(true);
    for (const [i, ticket] of tickets.entries()) {
      expect(summary(await slaEvents(one, f, ticket.id))).toEqual(['first_response:applied']);
      expect(await getTicket(one, f, ticket.id)).toEqual(before[i]);
      expect(await notificationsOf(f, f.agent, ticket.id)).toEqual([]);
      expect(await outboxCount('sla.breached', ticket.id)).toBe(0);
    }

    await runJob(one);
    for (const ticket of tickets) {
      expect(summary(await slaEvents(one, f, ticket.id))).toEqual(['first_response:applied', 'first_response:breached']);
      expect(await notificationsOf(f, f.agent, ticket.id)).toEqual(['sla.breached']);
      expect(await outboxCount('sla.breached', ticket.id)).toBe(1);
    }
  });

  it('announces only the alerts it recorded when some of those it prepared were recorded first', async () => {
    const f = await createTenantFixture(one);
    await createPolicy(one, f, { firstResponseMinutes: 30 });
    const [first, second] = await Promise.all([1, 2].map(() => createTicket(one, f, { assigneeId: f.agent.id })));
    const breach = (ticket: TicketBody, cycle: number) => ({
      ticket: { id: ticket.id, number: ticket.number, subject: 'Printer on fire', assigneeId: f.agent.id },
      alert: { metric: 'first_response' as const, kind: 'breached' as const, cycle, threshold: null, dueAt: null, occurredAt: new Date(), policyId: null },
    });
    const alerts = one.app.get(SlaAlerts);
    const staff = { supervisors: [f.supervisor.id], orgAdmins: [f.admin.id] };
    const inTenant = <T>(work: (em: EntityManager) => Promise<T>) => forkForTenant(one.orm.em as EntityManager, f.tenant.id).transactional(work);
    // another instance recorded the first ticket's breach (cycle 9) a moment before
    expect(await inTenant((em) => alerts.record(em, f.tenant.id, alerts.prepare([breach(first, 9)], staff)))).toBe(1);
    // prepared as if both were new, and the second listed twice
    const prepared = alerts.prepare([breach(first, 9), breach(second, 9), breach(second, 9)], staff);
    expect(await inTenant((em) => alerts.record(em, f.tenant.id, prepared))).toBe(1);
    expect(await outboxCount('sla.breached', first.id)).toBe(1);
    expect(await outboxCount('sla.breached', second.id)).toBe(1);
    for (const member of [f.agent, f.supervisor, f.admin]) {
      expect(await notificationsOf(f, member, first.id)).toEqual(['sla.breached']);
      expect(await notificationsOf(f, member, second.id)).toEqual(['sla.breached']);
    }
    // the same again: nothing new, nothing announced
    expect(await inTenant((em) => alerts.record(em, f.tenant.id, alerts.prepare([breach(first, 9), breach(second, 9)], staff)))).toBe(0);
    expect(await outboxCount('sla.breached', second.id)).toBe(1);
  });

  it(`notifies each user of ${ALERTS_PER_USER} alerts of a batch by name and sums up the rest in one notification; every alert is published`, async () => {
    const f = await createTenantFixture(one);
    await createPolicy(one, f, { firstResponseMinutes: 30 });
    const count = ALERTS_PER_USER + 3;
    const tickets: TicketBody[] = [];
    for (let i = 0; i < count; i++) tickets.push(await createTicket(one, f, { assigneeId: f.agent.id }));
    clock.set(minutesAfter(tickets.at(-1)!.createdAt, 31));
    // (tickets other tests left behind may fall due at the same time)
    expect((await runJob(one)).alerts).toBeGreaterThanOrEqual(count);

    const slaNotifications = async (member: StaffMember) =>
      (
        await request(one.server)
          .get('/api/v1/notifications')
          .set(tokenFor(one, member, f.tenant.id))
          .query({ filter: JSON.stringify({ type: ['sla.warning', 'sla.breached'] }), perPage: 100 })
          .expect(200)
      ).body as { title: string; body: string; resource: string; resourceId: string | null }[];
    for (const member of [f.agent, f.supervisor, f.admin]) {
      const received = await slaNotifications(member);
      const byName = received.filter((n) => n.resourceId !== null);
      const summaries = received.filter((n) => n.resourceId === null);
      expect(byName).toHaveLength(ALERTS_PER_USER);
      expect(summaries).toEqual([expect.objectContaining({ title: '3 more SLA alerts: 3 breached', resource: 'tickets' })]);
      // the summary names the tickets that had no notification of their own
      const own = new Set(byName.map((n) => n.resourceId));
      const rest = tickets.filter((tk) => !own.has(tk.id)).map((tk) => `#${tk.number}`);
      expect(summaries[0].body).toBe(`Tickets ${rest.join(', ')}`);
    }
    // every breach reaches the tenant's screens; its notifiedUserIds name only who was notified of it by name
    const published = await one.orm.em
      .getConnection()
      .execute<{ ticket_id: string; notified: string[] }[]>(
        `select resource_id as ticket_id, payload->'notifiedUserIds' as notified from outbox_events where name = 'sla.breached' and resource_id = any(?::uuid[])`,
        [`{${tickets.map((tk) => tk.id).join(',')}}`],
      );
    expect(published).toHaveLength(count);
    expect(published.filter((e) => e.notified.length === 3)).toHaveLength(ALERTS_PER_USER);
    expect(published.filter((e) => e.notified.length === 0)).toHaveLength(3);
  });

  it('finds due tickets through the index on their next warning or due time, not by scanning open tickets', async () => {
    // the scan is the body of sla_due_tickets (SLA_DUE_SQL calls it), explained with its parameters bound
    expect(SLA_DUE_SQL).toContain('sla_due_tickets(');
    const plan = await one.orm.em.fork().transactional(async (em) => {
      const [{ body }] = await em.execute<{ body: string }[]>("select prosrc as body from pg_proc where proname = 'sla_due_tickets'");
      await em.execute('set local enable_seqscan = off');
      return em.execute<{ 'QUERY PLAN': string }[]>(`explain ${body.replace(/\bp_now\b/g, '?').replace(/\bp_limit\b/g, '?')}`, [new Date(), 200]);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('tickets_sla_next_check_index');
  });

  describe('live', () => {
    const sockets: Socket[] = [];
    afterEach(() => {
      for (const s of sockets.splice(0)) s.close();
    });

    it("sends sla.breached to the tenant's sockets only, and the breach notification to assignee, supervisors and org admins", async () => {
      const url = await listen(one);
      const [f, other] = await Promise.all([createTenantFixture(one), createTenantFixture(one)]);
      await Promise.all([createPolicy(one, f, { firstResponseMinutes: 30 }), createPolicy(one, other, { firstResponseMinutes: 30 })]);
      const join = async (member: StaffMember, tenantId: string) => {
        const socket = await connect(url, accessToken(one, member, tenantId));
        sockets.push(socket);
        return new Inbox(socket);
      };
      const [admin, supervisor, agent, agent2, otherAdmin, otherAgent] = await Promise.all([
        join(f.admin, f.tenant.id), join(f.supervisor, f.tenant.id), join(f.agent, f.tenant.id), join(f.agent2, f.tenant.id),
        join(other.admin, other.tenant.id), join(other.agent, other.tenant.id),
      ]);
      const ticket = await createTicket(one, f, { assigneeId: f.agent.id, subject: 'Server room flooded' });
      clock.set(minutesAfter(ticket.createdAt, 31));
      await runJob(two);

      const breached = (inbox: Inbox) => inbox.events.filter((e) => e.name === 'sla.breached');
      const notified = (inbox: Inbox) => inbox.events.filter((e) => e.name === 'notification.created' && e.envelope.payload.type === 'sla.breached');
      await Promise.all(
        [admin, supervisor, agent, agent2].map((inbox) => inbox.waitUntil(() => breached(inbox).length === 1, 5_000, 'sla.breached')),
      );
      await Promise.all([admin, supervisor, agent].map((inbox) => inbox.waitUntil(() => notified(inbox).length === 1, 5_000, 'notification')));
      await sleep(300);

      expect(breached(agent)[0].envelope).toMatchObject({
        name: 'sla.breached',
        tenantId: f.tenant.id,
        subject: 'Ticket',
        resourceId: ticket.id,
        payload: {
          ticketId: ticket.id, number: ticket.number, subject: 'Server room flooded', assigneeId: f.agent.id, policyId: ticket.slaPolicyId,
          metric: 'first_response', threshold: null, dueAt: minutesAfter(ticket.createdAt, 30).toISOString(), occurredAt: minutesAfter(ticket.createdAt, 30).toISOString(),
        },
      });
      for (const inbox of [admin, supervisor, agent, agent2]) expect(breached(inbox)).toHaveLength(1);
      // whom it notified, so that their UIs (and only theirs) toast it
      const notifiedUserIds = breached(agent)[0].envelope.payload.notifiedUserIds as string[];
      expect(notifiedUserIds).toEqual(expect.arrayContaining([f.agent.id, f.supervisor.id, f.admin.id]));
      expect(notifiedUserIds).not.toContain(f.agent2.id);
      expect(notified(agent2)).toEqual([]);
      expect(notified(agent)[0].envelope.payload).toMatchObject({ userId: f.agent.id, resource: 'tickets', resourceId: ticket.id });
      expect(otherAdmin.events).toEqual([]);
      expect(otherAgent.events).toEqual([]);
    });
  });
});
