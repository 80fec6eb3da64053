import request from 'supertest';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@callpro/contracts';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { API } from './call-logs.fixtures';
import {
  call,
  expectFigures,
  expectedCallFigures,
  insertCalls,
  insertTickets,
  localWeekdayHour,
  seeded,
  ticket,
  type FixtureCall,
  type FixtureTicket,
  type Range,
} from './analytics.fixtures';

const HOUR = 3_600_000;
const range = (from: string, to: string): Range => ({ from: new Date(from), to: new Date(to) });
const at = (iso: string) => new Date(iso);

interface Bucket {
  start: string;
  end: string;
  label: string;
  [figure: string]: unknown;
}

describe('analytics series, heatmap and breakdown', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  const calls: FixtureCall[] = [];
  const tickets: FixtureTicket[] = [];

  const as = (m: StaffMember, f: TenantFixture = a) => tokenFor(t, m, f.tenant.id);
  const get = (path: string, r: Range, query: Record<string, string> = {}, auth = as(a.admin)) =>
    request(t.server).get(`${API}/analytics/${path}`).set(auth).query({ from: r.from.toISOString(), to: r.to.toISOString(), ...query });

  /** Each bucket's call figures equal those of the fixture calls inside its [start, end). */
  function expectCallBuckets(buckets: Bucket[], f: TenantFixture, agentId: string | null = null): void {
    for (const bucket of buckets) {
      const expected = expectedCallFigures(calls, f.tenant.id, range(bucket.start, bucket.end), agentId);
      const { p90TalkSeconds: _p90, ...figures } = expected;
      expectFigures(bucket, figures);
    }
  }

  const shape = (buckets: Bucket[]) => buckets.map((x) => ({ label: x.label, start: x.start, hours: (Date.parse(x.end) - Date.parse(x.start)) / HOUR }));

  // Berlin springs forward on 2026-03-29 (02:00 CET → 03:00 CEST): that local day has 23 hours
  const berlinDays = range('2026-03-27T23:00:00Z', '2026-04-01T22:00:00Z');
  // New York falls back on 2026-11-01 (02:00 EDT → 01:00 EST): that local day has 25 hours
  const newYorkDays = range('2026-10-31T04:00:00Z', '2026-11-03T05:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t, { timezone: 'Europe/Berlin' }), createTenantFixture(t, { timezone: 'America/New_York' })]);
    const edge = (f: TenantFixture, iso: string, extra: Partial<FixtureCall> = {}) => calls.push(call({ tenantId: f.tenant.id, startedAt: at(iso), agentId: f.agent.id, ...extra }));
    // both sides of every local midnight around the change, and just outside the period
    for (const iso of ['2026-03-27T22:59:59Z', '2026-03-27T23:00:00Z', '2026-03-28T22:59:59Z', '2026-03-28T23:00:00Z', '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z', '2026-03-29T21:59:59Z', '2026-03-29T22:00:00Z', '2026-04-01T21:59:59Z', '2026-04-01T22:00:00Z']) edge(a, iso);
    edge(a, '2026-03-29T00:30:00Z', { outcome: 'missed', talkSeconds: 0 });
    edge(a, '2026-03-29T01:30:00Z', { outcome: 'abandoned', talkSeconds: 0 });
    edge(a, '2026-03-30T08:00:00Z', { direction: 'outbound', talkSeconds: 300, wrapUpSeconds: 45 });
    // New York: midnight edges, and both passes through 01:30 on the night clocks go back
    for (const iso of ['2026-11-01T03:59:59Z', '2026-11-01T04:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T04:59:59Z', '2026-11-02T05:00:00Z']) {
      edge(b, iso);
      edge(a, iso, { outcome: 'voicemail', talkSeconds: 0 });
    }
    // seeded volume: Jan to April in both tenants, so that weeks and months have figures to add up
    const rnd = seeded(7);
    const from = Date.parse('2025-12-01T00:00:00Z');
    const to = Date.parse('2026-04-10T00:00:00Z');
    for (const f of [a, b]) {
      for (let i = 0; i < 500; i++) {
        const answered = rnd() < 0.6;
        calls.push(call({
          tenantId: f.tenant.id,
          startedAt: new Date(from + Math.floor(rnd() * (to - from) / 1000) * 1000),
          direction: rnd() < 0.75 ? 'inbound' : 'outbound',
          outcome: answered ? 'answered' : (['missed', 'abandoned', 'busy'] as const)[Math.floor(rnd() * 3)],
          talkSeconds: answered ? 5 + Math.floor(rnd() * 600) : 0,
          wrapUpSeconds: rnd() < 0.5 ? Math.floor(rnd() * 90) : null,
          agentId: rnd() < 0.5 ? f.agent.id : f.agent2.id,
        }));
      }
    }
    // keep the DST days of A free of seeded calls on the 31st: an empty bucket
    const empty = range('2026-03-30T22:00:00Z', '2026-03-31T22:00:00Z');
    calls.splice(0, calls.length, ...calls.filter((c) => !(c.tenantId === a.tenant.id && c.startedAt >= empty.from && c.startedAt < empty.to)));
    await insertCalls(t, calls);

    const tk = (f: TenantFixture, createdAt: string, extra: Partial<FixtureTicket> = {}) => tickets.push(ticket({ tenantId: f.tenant.id, createdAt: at(createdAt), ...extra }));
    tk(a, '2026-03-28T22:59:59Z', { status: 'resolved', priority: 'high', channel: 'email', tags: ['billing', 'vip'], resolvedAt: at('2026-03-28T23:00:00Z'), firstRespondedAt: at('2026-03-28T22:59:59Z') });
    tk(a, '2026-03-28T23:00:00Z', { status: 'closed', priority: 'urgent', channel: 'web', tags: ['billing'], resolvedAt: at('2026-03-29T21:59:59Z'), firstRespondedAt: at('2026-03-29T01:00:00Z') });
    tk(a, '2026-03-29T21:59:59Z', { status: 'pending', priority: 'low', tags: ['billing', 'outage'] });
    tk(a, '2026-03-29T22:00:00Z', { status: 'open', tags: ['outage'], resolvedAt: null });
    tk(a, '2026-04-01T21:00:00Z', { status: 'new', channel: 'api', tags: ['zeta'] });
    tk(a, '2026-03-27T22:59:59Z', { status: 'open', tags: ['before'] });
    tk(a, '2026-03-24T10:00:00Z', { status: 'resolved', channel: 'email', tags: ['billing'], resolvedAt: at('2026-03-30T12:00:00Z') });
    tk(b, '2026-03-29T10:00:00Z', { status: 'open', tags: ['billing', 'from-b'] });
    await insertTickets(t, tickets);
  });
  afterAll(() => t.close());

  describe('GET /analytics/calls/timeseries', () => {
    it('makes local days in the tenant’s zone: 23 hours on the spring-forward day, empty days included', async () => {
      const res = await get('calls/timeseries', berlinDays, { interval: 'day' }).expect(200);
      expect(res.body).toMatchObject({ interval: 'day', timezone: 'Europe/Berlin' });
      expect(shape(res.body.current)).toEqual([
        { label: '2026-03-28T00:00', start: '2026-03-27T23:00:00.000Z', hours: 24 },
        { label: '2026-03-29T00:00', start: '2026-03-28T23:00:00.000Z', hours: 23 },
        { label: '2026-03-30T00:00', start: '2026-03-29T22:00:00.000Z', hours: 24 },
        { label: '2026-03-31T00:00', start: '2026-03-30T22:00:00.000Z', hours: 24 },
        { label: '2026-04-01T00:00', start: '2026-03-31T22:00:00.000Z', hours: 24 },
      ]);
      expect(res.body.current[3]).toMatchObject({ total: 0, inbound: 0, answered: 0, answerRate: null, avgTalkSeconds: null });
      expectCallBuckets(res.body.current, a);
      expect(res.body.current[1].total).toBeGreaterThanOrEqual(5);
    });

    it('answers the previous period’s buckets too', async () => {
      const res = await get('calls/timeseries', berlinDays, { interval: 'day' }).expect(200);
      // as long as the current one (119 h): it starts at 01:00 local, so its first day is partial
      expect(shape(res.body.previousFigures)).toEqual([
        { label: '2026-03-23T00:00', start: '2026-03-23T00:00:00.000Z', hours: 23 },
        { label: '2026-03-24T00:00', start: '2026-03-23T23:00:00.000Z', hours: 24 },
        { label: '2026-03-25T00:00', start: '2026-03-24T23:00:00.000Z', hours: 24 },
        { label: '2026-03-26T00:00', start: '2026-03-25T23:00:00.000Z', hours: 24 },
        { label: '2026-03-27T00:00', start: '2026-03-26T23:00:00.000Z', hours: 24 },
      ]);
      expect(res.body.previousFigures.at(-1).end).toBe(berlinDays.from.toISOString());
      expectCallBuckets(res.body.previousFigures, a);
    });

    it('clips the first and last bucket to a period with ragged ends (rollup days plus raw edges)', async () => {
      const ragged = range('2026-03-28T10:00:00Z', '2026-03-30T10:00:00Z');
      const res = await get('calls/timeseries', ragged, { interval: 'day' }).expect(200);
      expect(shape(res.body.current)).toEqual([
        { label: '2026-03-28T00:00', start: '2026-03-28T10:00:00.000Z', hours: 13 },
        { label: '2026-03-29T00:00', start: '2026-03-28T23:00:00.000Z', hours: 23 },
        { label: '2026-03-30T00:00', start: '2026-03-29T22:00:00.000Z', hours: 12 },
      ]);
      expectCallBuckets(res.body.current, a);
    });

    it('makes 25-hour days where clocks go back, in the tenant’s zone and in a zone asked for', async () => {
      const expected = [
        { label: '2026-10-31T00:00', start: '2026-10-31T04:00:00.000Z', hours: 24 },
        { label: '2026-11-01T00:00', start: '2026-11-01T04:00:00.000Z', hours: 25 },
        { label: '2026-11-02T00:00', start: '2026-11-02T05:00:00.000Z', hours: 24 },
      ];
      const own = await get('calls/timeseries', newYorkDays, { interval: 'day' }, as(b.admin, b)).expect(200);
      expect(shape(own.body.current)).toEqual(expected);
      expect(own.body.current[1].total).toBe(4);
      expectCallBuckets(own.body.current, b);
      const asked = await get('calls/timeseries', newYorkDays, { interval: 'day', timezone: 'America/New_York' }).expect(200);
      expect(asked.body.timezone).toBe('America/New_York');
      expect(shape(asked.body.current)).toEqual(expected);
      expect(asked.body.current[1]).toMatchObject({ total: 4, inbound: 4, missed: 4, answered: 0, answerRate: 0 });
      expectCallBuckets(asked.body.current, a);
    });

    it('makes clock hours across the gap: local 02:00 does not exist', async () => {
      const night = range('2026-03-28T23:00:00Z', '2026-03-29T03:00:00Z');
      const res = await get('calls/timeseries', night, { interval: 'hour' }).expect(200);
      expect(shape(res.body.current)).toEqual([
        { label: '2026-03-29T00:00', start: '2026-03-28T23:00:00.000Z', hours: 1 },
        { label: '2026-03-29T01:00', start: '2026-03-29T00:00:00.000Z', hours: 1 },
        { label: '2026-03-29T03:00', start: '2026-03-29T01:00:00.000Z', hours: 1 },
        { label: '2026-03-29T04:00', start: '2026-03-29T02:00:00.000Z', hours: 1 },
      ]);
      expectCallBuckets(res.body.current, a);
      expect(res.body.current[1]).toMatchObject({ missed: 1 });
      expect(res.body.current[2]).toMatchObject({ abandoned: 1 });
    });

    it('makes ISO weeks (the one with the change is 167 hours) and calendar months', async () => {
      const weeks = await get('calls/timeseries', range('2026-03-01T23:00:00Z', '2026-03-29T22:00:00Z'), { interval: 'week' }).expect(200);
      expect(shape(weeks.body.current).map((x) => [x.label, x.hours])).toEqual([
        ['2026-03-02T00:00', 168], ['2026-03-09T00:00', 168], ['2026-03-16T00:00', 168], ['2026-03-23T00:00', 167],
      ]);
      expectCallBuckets(weeks.body.current, a);
      const months = await get('calls/timeseries', range('2025-12-31T23:00:00Z', '2026-03-31T22:00:00Z'), { interval: 'month' }).expect(200);
      expect(shape(months.body.current).map((x) => [x.label, x.hours])).toEqual([['2026-01-01T00:00', 744], ['2026-02-01T00:00', 672], ['2026-03-01T00:00', 743]]);
      expectCallBuckets(months.body.current, a);
      expect(months.body.current.reduce((s: number, x: Bucket) => s + (x.total as number), 0)).toBeGreaterThan(250);
    });

    it('narrows the series to one agent', async () => {
      const res = await get('calls/timeseries', berlinDays, { interval: 'day', agentId: a.agent2.id }, as(a.supervisor)).expect(200);
      expectCallBuckets(res.body.current, a, a.agent2.id);
      const own = await get('calls/timeseries', berlinDays, { interval: 'day' }, as(a.agent2)).expect(200);
      expect(own.body.current).toEqual(res.body.current);
    });

    it('refuses hourly buckets over more than 31 days, and unknown intervals', async () => {
      const res = await get('calls/timeseries', range('2026-01-01T00:00:00Z', '2026-02-02T00:00:00Z'), { interval: 'hour' }).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['interval']);
      await get('calls/timeseries', berlinDays, { interval: 'year' }).expect(400);
    });
  });

  describe('GET /analytics/tickets/timeseries', () => {
    it('counts tickets created and resolved per local day, across the change', async () => {
      const res = await get('tickets/timeseries', berlinDays, { interval: 'day' }).expect(200);
      expect(res.body.current.map((x: Bucket) => [x.label, x.created, x.resolved, x.backlogChange])).toEqual([
        ['2026-03-28T00:00', 1, 0, 1],
        ['2026-03-29T00:00', 2, 2, 0],
        ['2026-03-30T00:00', 1, 1, 0],
        ['2026-03-31T00:00', 0, 0, 0],
        ['2026-04-01T00:00', 1, 0, 1],
      ]);
      expect(res.body.previousFigures.reduce((s: number, x: Bucket) => s + (x.created as number), 0)).toBe(2);
    });
  });

  describe('GET /analytics/calls/heatmap', () => {
    it('answers all 168 local weekday × hour cells of inbound calls with their answer rate', async () => {
      const period = range('2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z');
      const res = await get('calls/heatmap', period).expect(200);
      expect(res.body.current).toHaveLength(168);
      expect(res.body.current[0]).toMatchObject({ weekday: 1, hour: 0 });
      expect(res.body.current[167]).toMatchObject({ weekday: 7, hour: 23 });
      const inbound = calls.filter((c) => c.tenantId === a.tenant.id && c.direction === 'inbound' && c.startedAt >= period.from && c.startedAt < period.to);
      const expected = new Map<string, { inbound: number; answered: number }>();
      for (const c of inbound) {
        const { weekday, hour } = localWeekdayHour(c.startedAt, 'Europe/Berlin');
        const cell = expected.get(`${weekday}|${hour}`) ?? { inbound: 0, answered: 0 };
        cell.inbound++;
        if (c.outcome === 'answered') cell.answered++;
        expected.set(`${weekday}|${hour}`, cell);
      }
      for (const cell of res.body.current) {
        const want = expected.get(`${cell.weekday}|${cell.hour}`) ?? { inbound: 0, answered: 0 };
        expect(cell).toEqual({ weekday: cell.weekday, hour: cell.hour, ...want, answerRate: want.inbound ? want.answered / want.inbound : null });
      }
      expect(res.body.current.reduce((s: number, x: { inbound: number }) => s + x.inbound, 0)).toBe(inbound.length);
      expect(res.body.previousFigures).toHaveLength(168);
    });
  });

  describe('GET /analytics/tickets/breakdown', () => {
    it('counts tickets created in the period by status, priority and channel (every value) and by tag (most used first)', async () => {
      const res = await get('tickets/breakdown', berlinDays).expect(200);
      const counts = (keys: readonly string[], pairs: Record<string, number>) => keys.map((key) => ({ key, tickets: pairs[key] ?? 0 }));
      expect(res.body.current).toEqual({
        byStatus: counts(TICKET_STATUSES, { new: 1, open: 1, pending: 1, resolved: 1, closed: 1 }),
        byPriority: counts(TICKET_PRIORITIES, { low: 1, normal: 2, high: 1, urgent: 1 }),
        byChannel: counts(TICKET_CHANNELS, { phone: 2, email: 1, web: 1, api: 1 }),
        byTag: [{ key: 'billing', tickets: 3 }, { key: 'outage', tickets: 2 }, { key: 'vip', tickets: 1 }, { key: 'zeta', tickets: 1 }],
      });
      expect(res.body.previousFigures.byTag).toEqual([{ key: 'before', tickets: 1 }, { key: 'billing', tickets: 1 }]);
      expect(res.body.previousFigures.byStatus.find((x: { key: string }) => x.key === 'resolved').tickets).toBe(1);
    });

    it('never counts another tenant’s tickets', async () => {
      const resB = await get('tickets/breakdown', berlinDays, {}, as(b.admin, b)).expect(200);
      expect(resB.body.current.byTag).toEqual([{ key: 'billing', tickets: 1 }, { key: 'from-b', tickets: 1 }]);
      const resA = await get('tickets/breakdown', berlinDays).expect(200);
      expect(resA.body.current.byTag.map((x: { key: string }) => x.key)).not.toContain('from-b');
    });
  });
});
