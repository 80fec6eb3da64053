import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { businessMinutesBetween, type BusinessCalendarSpec, type OpeningInterval } from '../../backend/src/sla/business-time';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { API } from './call-logs.fixtures';
import { insertTickets, percentile, seeded, ticket, type FixtureTicket, type Range } from './analytics.fixtures';

const MINUTE = 60_000;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Random calendars: split shifts, overnight and overlapping openings, 24:00 ends, holiday ranges. */
function randomCalendar(rnd: () => number, timezone: string): BusinessCalendarSpec {
  const intervals: OpeningInterval[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const n = Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      const start = Math.floor(rnd() * 96) * 15;
      const kind = rnd();
      const end = kind < 0.15 ? 1440 : kind < 0.3 ? Math.floor(rnd() * start / 15) * 15 : Math.min(1440, start + 15 + Math.floor(rnd() * 40) * 15);
      intervals.push({ weekday, start: hhmm(start), end: end === 1440 ? '24:00' : hhmm(end) });
    }
  }
  intervals.push({ weekday: 1, start: '09:00', end: '17:00' }, { weekday: 0, start: '01:30', end: '03:30' }, { weekday: 6, start: '22:00', end: '02:00' });
  const holidays = rnd() < 0.5 ? [{ from: '2026-03-30', to: '2026-03-31' }, { from: '2026-11-02', to: '2026-11-02' }] : [];
  return { timezone, intervals, holidays };
}

describe('ticket minutes in business time', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts the same open minutes in SQL as the SLA module’s calendar maths, DST nights included', async () => {
    const rnd = seeded(99);
    const conn = t.orm.em.fork().getConnection();
    const spans = ['2026-03-26T00:00:00Z', '2026-10-23T00:00:00Z', '2026-10-30T00:00:00Z', '2026-07-01T00:00:00Z'];
    let compared = 0;
    for (const timezone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC']) {
      for (let c = 0; c < 6; c++) {
        const calendar = randomCalendar(rnd, timezone);
        const cases = Array.from({ length: 12 }, () => {
          const base = Date.parse(spans[Math.floor(rnd() * spans.length)]);
          const from = new Date(base + Math.floor(rnd() * 8 * 24 * 60) * MINUTE + Math.floor(rnd() * 60) * 1000);
          const to = new Date(from.getTime() + Math.floor(rnd() * 6 * 24 * 60) * MINUTE);
          return { from, to };
        });
        const values = cases.map((x, i) => `(${i}, '${x.from.toISOString()}'::timestamptz, '${x.to.toISOString()}'::timestamptz)`).join(', ');
        const rows: Array<{ i: number; minutes: number }> = await conn.execute(
          `select v.i, analytics_business_minutes(v.f, v.t, ?, ?::jsonb, ?::jsonb) as minutes from (values ${values}) as v(i, f, t) order by v.i`,
          [timezone, JSON.stringify(calendar.intervals), JSON.stringify(calendar.holidays)],
        );
        for (const row of rows) {
          const { from, to } = cases[row.i];
          const expected = businessMinutesBetween(from, to, calendar);
          expect({ timezone, from, to, minutes: Number(row.minutes.toFixed(6)) }).toEqual({ timezone, from, to, minutes: Number(expected.toFixed(6)) });
          compared++;
        }
      }
    }
    expect(compared).toBe(360);
  });

  describe('the summary and the leaderboard', () => {
    let f: TenantFixture;
    const tickets: FixtureTicket[] = [];
    const calendar: BusinessCalendarSpec = {
      timezone: 'Europe/Berlin',
      intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:00', end: '12:00' }, { weekday, start: '13:00', end: '17:00' }]),
      holidays: [{ from: '2026-03-27', to: '2026-03-27' }],
    };
    const week: Range = { from: new Date('2026-03-22T23:00:00Z'), to: new Date('2026-03-29T22:00:00Z') };
    const get = (path: string) => request(t.server).get(`${API}/analytics/${path}`).set(tokenFor(t, f.admin, f.tenant.id)).query({ from: week.from.toISOString(), to: week.to.toISOString() });

    beforeAll(async () => {
      f = await createTenantFixture(t, { timezone: 'Europe/Berlin' });
      const before = await get('summary').expect(200);
      expect(before.body.timeBasis).toBe('wall_clock');
      const conn = t.orm.em.fork().getConnection();
      const calendarId = randomUUID();
      const policyId = randomUUID();
      await conn.execute(
        `insert into business_calendars (id, tenant_id, name, timezone, intervals, holidays) values (?, ?, 'Office', ?, ?::jsonb, ?::jsonb)`,
        [calendarId, f.tenant.id, calendar.timezone, JSON.stringify(calendar.intervals), JSON.stringify(calendar.holidays)],
        'run',
      );
      await conn.execute(
        `insert into sla_policies (id, tenant_id, name, position, warn_at_percent, pause_statuses, calendar_id) values (?, ?, 'Office hours', 0, '{75,90}', '{pending}', ?)`,
        [policyId, f.tenant.id, calendarId],
        'run',
      );
      const rnd = seeded(5);
      for (let i = 0; i < 25; i++) {
        const createdAt = new Date(week.from.getTime() + Math.floor(rnd() * 5 * 24 * 60) * MINUTE);
        const respondedAt = new Date(createdAt.getTime() + Math.floor(rnd() * 30 * 60) * MINUTE);
        tickets.push(ticket({ tenantId: f.tenant.id, createdAt, firstRespondedAt: respondedAt < week.to ? respondedAt : null, assigneeId: f.agent.id, status: 'open' }));
      }
      // one ticket without a policy: counted round the clock
      tickets.push(ticket({ tenantId: f.tenant.id, createdAt: new Date('2026-03-25T20:00:00Z'), firstRespondedAt: new Date('2026-03-26T02:00:00Z'), assigneeId: f.agent.id }));
      await insertTickets(t, tickets);
      await conn.execute(`update tickets set sla_policy_id = ? where tenant_id = ? and id in (?)`, [policyId, f.tenant.id, tickets.slice(0, -1).map((k) => k.id)], 'run');
    });

    it('answers first-response times in the open minutes of each ticket’s SLA calendar, and says so', async () => {
      const res = await get('summary').expect(200);
      expect(res.body.timeBasis).toBe('business');
      const minutes = tickets
        .filter((k) => k.firstRespondedAt && k.firstRespondedAt >= week.from && k.firstRespondedAt < week.to)
        .map((k) => businessMinutesBetween(k.createdAt, k.firstRespondedAt!, k === tickets.at(-1) ? null : calendar));
      expect(minutes.length).toBeGreaterThan(10);
      expect(minutes.at(-1)).toBe(6 * 60);
      expect(res.body.current.tickets.medianFirstResponseMinutes).toBeCloseTo(percentile(minutes, 0.5)!, 6);
      expect(res.body.current.tickets.p90FirstResponseMinutes).toBeCloseTo(percentile(minutes, 0.9)!, 6);
      const board = await get('agents').expect(200);
      expect(board.body.timeBasis).toBe('business');
      expect(board.body.current.find((r: { agentId: string }) => r.agentId === f.agent.id).medianFirstResponseMinutes).toBeCloseTo(percentile(minutes, 0.5)!, 6);
    });
  });
});
