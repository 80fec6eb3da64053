import request from 'supertest';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SLA_JOB_INTERVAL } from '../../backend/src/sla/sla.job';
import type { TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { API } from './call-logs.fixtures';
import { createClockedApp, createPolicy, createTicket, TestClock } from './sla.fixtures';
import {
  expectedCompliance,
  insertSlaEvents,
  insertSlaPolicy,
  insertTickets,
  localDate,
  seeded,
  ticket,
  type FixtureSlaEvent,
  type FixtureTicket,
  type Range,
} from './analytics.fixtures';

const METRICS = ['first_response', 'next_response', 'resolution'] as const;
const HOUR = 3_600_000;
const range = (from: string, to: string): Range => ({ from: new Date(from), to: new Date(to) });
const previousOf = (r: Range): Range => ({ from: new Date(2 * r.from.getTime() - r.to.getTime()), to: r.from });

describe('GET /analytics/sla and the SLA figures of the summary', () => {
  const clock = new TestClock();
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  const tickets: FixtureTicket[] = [];
  const events: FixtureSlaEvent[] = [];
  const policies: Record<string, string> = {};

  const as = (m: StaffMember, f: TenantFixture = a) => tokenFor(t, m, f.tenant.id);
  const get = (path: string, auth: Record<string, string>, r: Range, extra: Record<string, string> = {}) =>
    request(t.server).get(`${API}/analytics/${path}`).set(auth).query({ from: r.from.toISOString(), to: r.to.toISOString(), ...extra });

  // March in Berlin, across the spring-forward night of the 29th
  const march = range('2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z');

  /** Seeded targets over February and March: met in time, breached, breached then answered late; plus noise events. */
  function generate(f: TenantFixture, seed: number, policyIds: (string | null)[]): void {
    const rnd = seeded(seed);
    const from = Date.parse('2026-01-31T23:00:00Z');
    const span = Date.parse('2026-04-02T00:00:00Z') - from;
    for (let i = 0; i < 40; i++) {
      const k = ticket({ tenantId: f.tenant.id, createdAt: new Date(from + rnd() * span - 5 * HOUR), assigneeId: [f.agent.id, f.agent2.id, null][i % 3] });
      tickets.push(k);
      for (const metric of METRICS) {
        if (rnd() < 0.25) continue;
        for (let cycle = 0; cycle < (metric === 'first_response' ? 1 : 1 + Math.floor(rnd() * 2)); cycle++) {
          const due = new Date(from + Math.floor(rnd() * span / 1000) * 1000);
          const policyId = policyIds[Math.floor(rnd() * policyIds.length)];
          const base = { tenantId: f.tenant.id, ticketId: k.id, policyId, metric, cycle, threshold: null, dueAt: due };
          events.push({ ...base, kind: 'applied', dueAt: due, occurredAt: k.createdAt });
          events.push({ ...base, kind: 'warning', threshold: 75, occurredAt: new Date(due.getTime() - HOUR) });
          const roll = rnd();
          if (roll < 0.55) events.push({ ...base, kind: 'met', occurredAt: new Date(due.getTime() - Math.floor(rnd() * 50) * 60_000) });
          else {
            events.push({ ...base, kind: 'breached', occurredAt: due });
            if (roll < 0.8) events.push({ ...base, kind: 'met', occurredAt: new Date(due.getTime() + 37 * 60_000) });
          }
        }
      }
    }
  }

  beforeAll(async () => {
    t = await createClockedApp(clock);
    // this app's clock is moved about: its own SLA job must not scan other test files' tickets at those times
    const scheduler = t.app.get(SchedulerRegistry);
    if (scheduler.doesExist('interval', SLA_JOB_INTERVAL)) scheduler.deleteInterval(SLA_JOB_INTERVAL);
    [a, b] = await Promise.all([createTenantFixture(t, { timezone: 'Europe/Berlin' }), createTenantFixture(t, { timezone: 'UTC' })]);
    policies.standard = await insertSlaPolicy(t, a.tenant.id, 'Standard', 1);
    policies.vip = await insertSlaPolicy(t, a.tenant.id, 'VIP', 0);
    policies.other = await insertSlaPolicy(t, b.tenant.id, 'Standard', 0);
    generate(a, 11, [policies.standard, policies.vip, null]);
    generate(b, 12, [policies.other]);
    await insertTickets(t, tickets);
    await insertSlaEvents(t, events);
  });
  afterAll(() => t.close());

  it('answers compliance per metric = met ÷ (met + breached) of the targets that fell due, in both periods', async () => {
    const res = await get('sla', as(a.supervisor), march).expect(200);
    const expected = expectedCompliance(events, a.tenant.id, march);
    expect(expected.all.met).toBeGreaterThan(5);
    expect(expected.all.breached).toBeGreaterThan(5);
    expect(res.body.current.byMetric).toEqual(expected.byMetric);
    expect(res.body.previousFigures.byMetric).toEqual(expectedCompliance(events, a.tenant.id, previousOf(march)).byMetric);
    const summary = await get('summary', as(a.admin), march).expect(200);
    expect(summary.body.current.sla).toEqual(expected.byMetric);
    expect(summary.body.previousFigures.sla).toEqual(expectedCompliance(events, a.tenant.id, previousOf(march)).byMetric);
  });

  it('splits compliance by policy and metric, policies by name', async () => {
    const res = await get('sla', as(a.admin), march).expect(200);
    const expected = expectedCompliance(events, a.tenant.id, march);
    const rows = res.body.current.byPolicy as Array<{ policyId: string | null; policyName: string | null; metric: string }>;
    expect(rows.map((r) => r.policyName)).toEqual([...rows.map((r) => r.policyName)].sort((x, y) => (x === null ? 1 : y === null ? -1 : x.localeCompare(y))));
    for (const row of rows) expect(row).toEqual({ ...row, ...expected.byPolicy(row.policyId, row.metric) });
    const names = new Map([[policies.standard, 'Standard'], [policies.vip, 'VIP']]);
    for (const row of rows) expect(row.policyName).toBe(row.policyId ? names.get(row.policyId) : null);
    expect(new Set(rows.map((r) => `${r.policyId}|${r.metric}`)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(6);
  });

  it('counts breaches per local day, every day present, with the 23-hour day of the DST change', async () => {
    const res = await get('sla', as(a.admin), march).expect(200);
    const days = res.body.current.breachesPerDay as Array<{ start: string; end: string; label: string; total: number; firstResponse: number; nextResponse: number; resolution: number }>;
    expect(days).toHaveLength(31);
    expect(days[0]).toMatchObject({ label: '2026-03-01T00:00', start: '2026-02-28T23:00:00.000Z' });
    const dst = days.find((d) => d.label === '2026-03-29T00:00')!;
    expect(Date.parse(dst.end) - Date.parse(dst.start)).toBe(23 * HOUR);
    const breaches = events.filter((e) => e.tenantId === a.tenant.id && e.kind === 'breached' && e.occurredAt >= march.from && e.occurredAt < march.to);
    for (const day of days) {
      const date = day.label.slice(0, 10);
      const mine = breaches.filter((e) => localDate(e.occurredAt, 'Europe/Berlin') === date);
      expect({ date, total: day.total, fr: day.firstResponse, nr: day.nextResponse, res: day.resolution }).toEqual({
        date,
        total: mine.length,
        fr: mine.filter((e) => e.metric === 'first_response').length,
        nr: mine.filter((e) => e.metric === 'next_response').length,
        res: mine.filter((e) => e.metric === 'resolution').length,
      });
    }
    expect(days.some((d) => d.total === 0)).toBe(true);
    expect(days.reduce((s, d) => s + d.total, 0)).toBe(breaches.length);
  });

  it('gives an agent the figures of the tickets assigned to them only, and refuses them another agent’s', async () => {
    const mine = new Set(tickets.filter((k) => k.assigneeId === a.agent.id).map((k) => k.id));
    const res = await get('sla', as(a.agent), march).expect(200);
    expect(res.body.agentId).toBe(a.agent.id);
    expect(res.body.current.byMetric).toEqual(expectedCompliance(events, a.tenant.id, march, (e) => mine.has(e.ticketId)).byMetric);
    const breaches = events.filter((e) => mine.has(e.ticketId) && e.kind === 'breached' && e.occurredAt >= march.from && e.occurredAt < march.to);
    expect(res.body.current.breachesPerDay.reduce((s: number, d: { total: number }) => s + d.total, 0)).toBe(breaches.length);
    await get('sla', as(a.agent), march, { agentId: a.agent2.id }).expect(403);
  });

  it('never counts another tenant’s SLA events', async () => {
    const resB = await get('sla', as(b.admin, b), march).expect(200);
    expect(resB.body.current.byMetric).toEqual(expectedCompliance(events, b.tenant.id, march).byMetric);
    expect(resB.body.current.byPolicy.every((r: { policyId: string }) => r.policyId === policies.other)).toBe(true);
    const resA = await get('sla', as(a.admin), march).expect(200);
    expect(resA.body.current.byPolicy.some((r: { policyId: string }) => r.policyId === policies.other)).toBe(false);
  });

  describe('tickets breaching in the next hour', () => {
    let now: Date;
    const due = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

    beforeAll(async () => {
      // far enough ahead that no other test file's SLA job (real clock) finds these due
      now = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 30 * 24 * HOUR);
      clock.set(now);
      const conn = t.orm.em.fork().getConnection();
      const risky = async (f: TenantFixture, number: number, minutes: number, status = 'open', assigneeId: string | null = null) => {
        const k = ticket({ tenantId: f.tenant.id, createdAt: new Date(now.getTime() - 2 * HOUR), status: status as never, assigneeId, subject: `Due in ${minutes}` });
        k.number = number;
        await insertTickets(t, [k]);
        const sla = {
          first_response: { status: 'met', dueAt: due(-30).toISOString(), metAt: due(-60).toISOString() },
          resolution: { status: 'active', dueAt: due(minutes).toISOString(), metAt: null },
        };
        await conn.execute('update tickets set sla = ?::jsonb, sla_next_due_at = ? where tenant_id = ? and id = ?', [JSON.stringify(sla), due(minutes), f.tenant.id, k.id], 'run');
        return k;
      };
      await risky(a, 9001, 59, 'open', a.agent.id);
      await risky(a, 9002, 5);
      await risky(a, 9003, 0.5, 'pending');
      await risky(a, 9004, 60);
      await risky(a, 9005, 30, 'resolved');
      await risky(b, 9006, 10);
    });
    afterAll(() => clock.reset());

    it('lists the open tickets whose nearest target falls due within the hour, soonest first, with the metric', async () => {
      const res = await get('sla', as(a.admin), march).expect(200);
      expect(res.body.asOf).toBe(now.toISOString());
      expect(res.body.breachingNextHour.map((r: { number: number }) => r.number)).toEqual([9003, 9002, 9001]);
      expect(res.body.breachingNextHour[2]).toMatchObject({ metric: 'resolution', dueAt: due(59).toISOString(), assigneeId: a.agent.id, status: 'open', subject: 'Due in 59' });
    });

    it('gives an agent only their own tickets about to breach', async () => {
      const res = await get('sla', as(a.agent), march).expect(200);
      expect(res.body.breachingNextHour.map((r: { number: number }) => r.number)).toEqual([9001]);
    });
  });

  it('reads what the SLA module itself records (a policy, tickets answered in time and late)', async () => {
    const f = await createTenantFixture(t, { timezone: 'UTC' });
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    clock.set(start);
    await createPolicy(t, f, { name: 'One hour', firstResponseMinutes: 60 });
    const late = await createTicket(t, f);
    const answered = await createTicket(t, f);
    const note = (ticketId: string) =>
      request(t.server).post(`${API}/ticket-notes`).set(tokenFor(t, f.agent, f.tenant.id)).send({ ticketId, body: 'On it', visibility: 'public' }).expect(201);
    clock.advance(20);
    await note(answered.id);
    clock.advance(45);
    await note(late.id);
    clock.reset();
    const around: Range = { from: new Date(start.getTime() - HOUR), to: new Date(start.getTime() + 3 * HOUR) };
    const res = await get('sla', tokenFor(t, f.admin, f.tenant.id), around).expect(200);
    expect(res.body.current.byMetric.firstResponse).toEqual({ met: 1, breached: 1, compliance: 0.5 });
    expect(res.body.current.byPolicy).toEqual([expect.objectContaining({ policyName: 'One hour', metric: 'first_response', met: 1, breached: 1 })]);
  });
});
