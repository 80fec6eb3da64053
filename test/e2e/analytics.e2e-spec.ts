import request from 'supertest';
import type { CallOutcome } from '@callpro/contracts';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { API, createApiKey } from './call-logs.fixtures';
import {
  call,
  DAY,
  expectFigures,
  expectedCallFigures,
  expectedTicketFigures,
  insertCalls,
  insertTickets,
  seeded,
  ticket,
  type FixtureCall,
  type FixtureTicket,
  type Range,
} from './analytics.fixtures';

const OUTCOMES: CallOutcome[] = ['answered', 'answered', 'answered', 'answered', 'answered', 'missed', 'voicemail', 'busy', 'abandoned', 'abandoned', 'rejected', 'failed'];
const WINDOW = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2026-03-25T00:00:00Z') };
const MINUTE = 60_000;

/** Random calls and tickets of one tenant over WINDOW (seeded: the same every run). */
function generate(f: TenantFixture, seed: number, callCount: number, ticketCount: number): { calls: FixtureCall[]; tickets: FixtureTicket[] } {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const at = () => new Date(WINDOW.from + Math.floor(rnd() * (WINDOW.to - WINDOW.from) / 1000) * 1000);
  const agents = [f.agent.id, f.agent.id, f.agent2.id, f.supervisor.id, null];
  const calls = Array.from({ length: callCount }, () => {
    const outcome = rnd() < 0.03 ? null : pick(OUTCOMES);
    return call({
      tenantId: f.tenant.id,
      direction: rnd() < 0.7 ? 'inbound' : 'outbound',
      outcome,
      startedAt: at(),
      talkSeconds: outcome === 'answered' ? 10 + Math.floor(rnd() * 890) : 0,
      wrapUpSeconds: rnd() < 0.3 ? null : Math.floor(rnd() * 120),
      agentId: pick(agents),
    });
  });
  const tickets = Array.from({ length: ticketCount }, () => {
    const createdAt = at();
    const responded = rnd() < 0.7 ? new Date(createdAt.getTime() + Math.floor(1 + rnd() * 3000) * MINUTE) : null;
    const resolved = responded && rnd() < 0.6 ? new Date(responded.getTime() + Math.floor(1 + rnd() * 20000) * MINUTE) : null;
    return ticket({
      tenantId: f.tenant.id,
      createdAt,
      firstRespondedAt: responded,
      resolvedAt: resolved,
      status: resolved ? pick(['resolved', 'closed'] as const) : pick(['new', 'open', 'pending'] as const),
      assigneeId: pick([f.agent.id, f.agent2.id, null]),
    });
  });
  return { calls, tickets };
}

const range = (from: string, to: string): Range => ({ from: new Date(from), to: new Date(to) });
const previousOf = (r: Range): Range => ({ from: new Date(2 * r.from.getTime() - r.to.getTime()), to: r.from });

describe('GET /analytics/summary', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  const calls: FixtureCall[] = [];
  const tickets: FixtureTicket[] = [];

  const as = (m: StaffMember, f: TenantFixture = a) => tokenFor(t, m, f.tenant.id);
  const summary = (auth: Record<string, string>, r: Range, extra: Record<string, string> = {}) =>
    request(t.server).get(`${API}/analytics/summary`).set(auth).query({ from: r.from.toISOString(), to: r.to.toISOString(), ...extra });

  /** Both periods' call and ticket figures, as worked out in JS. */
  function expectSummary(body: Record<string, never>, f: TenantFixture, r: Range, agentId: string | null = null): void {
    const tenantId = f.tenant.id;
    expectFigures(body['current']['calls'], expectedCallFigures(calls, tenantId, r, agentId));
    expectFigures(body['previousFigures']['calls'], expectedCallFigures(calls, tenantId, previousOf(r), agentId));
    expectFigures(body['current']['tickets'], expectedTicketFigures(tickets, tenantId, r, agentId));
    expectFigures(body['previousFigures']['tickets'], expectedTicketFigures(tickets, tenantId, previousOf(r), agentId));
  }

  // February in Berlin, local midnight to local midnight: whole days, served by the rollups
  const february = range('2026-01-31T23:00:00Z', '2026-02-28T23:00:00Z');
  // ragged ends: rollup days plus partial days from raw calls, in both periods
  const ragged = range('2026-02-03T10:17:23Z', '2026-03-09T05:42:10Z');

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t, { timezone: 'Europe/Berlin' }), createTenantFixture(t, { timezone: 'America/New_York' })]);
    superAdmin = await createSuperAdmin(t);
    for (const [f, seed] of [[a, 1], [b, 2]] as const) {
      const g = generate(f, seed, f === a ? 400 : 150, f === a ? 80 : 30);
      calls.push(...g.calls);
      tickets.push(...g.tickets);
    }
    await insertCalls(t, calls);
    await insertTickets(t, tickets);
  });
  afterAll(() => t.close());

  describe('figures', () => {
    it('answers each documented figure for whole local days, with the previous period of equal length', async () => {
      const res = await summary(as(a.admin), february).expect(200);
      expect(res.body).toMatchObject({
        period: { from: february.from.toISOString(), to: february.to.toISOString() },
        previous: { from: previousOf(february).from.toISOString(), to: february.from.toISOString() },
        timezone: 'Europe/Berlin',
        agentId: null,
        timeBasis: 'wall_clock',
      });
      expect(res.body.current.calls.total).toBeGreaterThan(50);
      expect(res.body.previousFigures.calls.total).toBeGreaterThan(50);
      expectSummary(res.body, a, february);
    });

    it('adds the partial days at both ends from the raw calls', async () => {
      const res = await summary(as(a.supervisor), ragged).expect(200);
      expectSummary(res.body, a, ragged);
    });

    it('answers a period shorter than a day, and one that starts mid-day and ends at a local midnight', async () => {
      for (const r of [range('2026-02-10T03:00:00Z', '2026-02-10T20:00:00Z'), range('2026-02-10T12:00:00Z', '2026-02-17T23:00:00Z')]) {
        const res = await summary(as(a.admin), r).expect(200);
        expectSummary(res.body, a, r);
      }
    });

    it('gives zeros and nulls for a period without activity', async () => {
      const empty = range('2025-06-01T00:00:00Z', '2025-06-08T00:00:00Z');
      const res = await summary(as(a.admin), empty).expect(200);
      expect(res.body.current.calls).toEqual({
        total: 0, inbound: 0, outbound: 0, answered: 0, missed: 0, abandoned: 0,
        answerRate: null, avgTalkSeconds: null, p90TalkSeconds: null, avgHandleSeconds: null,
      });
      expect(res.body.current.tickets).toEqual({
        created: 0, resolved: 0, backlogChange: 0,
        medianFirstResponseMinutes: null, p90FirstResponseMinutes: null, medianResolutionMinutes: null, p90ResolutionMinutes: null,
      });
    });

    it('does not depend on the time zone asked for (it only moves buckets)', async () => {
      const res = await summary(as(a.admin), ragged, { timezone: 'Asia/Kolkata' }).expect(200);
      expect(res.body.timezone).toBe('Asia/Kolkata');
      expectSummary(res.body, a, ragged);
    });

    it('counts the tickets open right now in openTickets', async () => {
      const res = await summary(as(a.admin), february).expect(200);
      const open = tickets.filter((k) => k.tenantId === a.tenant.id && ['new', 'open', 'pending'].includes(k.status)).length;
      expect(res.body.openTickets).toBe(open);
      expect(open).toBeGreaterThan(0);
    });
  });

  describe('who sees what', () => {
    it('narrows the figures to one agent with agentId (supervisor)', async () => {
      const res = await summary(as(a.supervisor), ragged, { agentId: a.agent2.id }).expect(200);
      expect(res.body.agentId).toBe(a.agent2.id);
      expectSummary(res.body, a, ragged, a.agent2.id);
      const own = tickets.filter((k) => k.tenantId === a.tenant.id && k.assigneeId === a.agent2.id && ['new', 'open', 'pending'].includes(k.status));
      expect(res.body.openTickets).toBe(own.length);
    });

    it('gives an agent their own figures without asking, and the same when they name themselves', async () => {
      const res = await summary(as(a.agent), february).expect(200);
      expect(res.body.agentId).toBe(a.agent.id);
      expectSummary(res.body, a, february, a.agent.id);
      const named = await summary(as(a.agent), february, { agentId: a.agent.id }).expect(200);
      expect(named.body).toEqual(res.body);
    });

    it('refuses an agent another agent’s figures (403)', async () => {
      const res = await summary(as(a.agent), february, { agentId: a.agent2.id }).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('serves API keys with analytics:read the whole tenant, and refuses keys without it', async () => {
      const key = await createApiKey(t, a, ['analytics:read']);
      const res = await summary(key.header, february).expect(200);
      expect(res.body.agentId).toBeNull();
      expectSummary(res.body, a, february);
      const other = await createApiKey(t, a, ['calls:read', 'tickets:read']);
      await summary(other.header, february).expect(403);
    });

    it('serves a super admin the tenant named by X-Tenant-Id, and asks one without a tenant to choose', async () => {
      const res = await summary({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id }, february).expect(200);
      expectSummary(res.body, a, february);
      const none = await summary(tokenFor(t, superAdmin, null), february).expect(400);
      expect(none.body.type).toContain('tenant-required');
    });

    it('requires credentials', async () => {
      await summary({}, february).expect(401);
    });
  });

  describe('tenant isolation', () => {
    it('never counts another tenant’s calls or tickets', async () => {
      const inB = calls.filter((c) => c.tenantId === b.tenant.id && c.startedAt >= ragged.from && c.startedAt < ragged.to);
      expect(inB.length).toBeGreaterThan(10);
      const resA = await summary(as(a.admin), ragged).expect(200);
      expectSummary(resA.body, a, ragged);
      const resB = await summary(as(b.admin, b), ragged).expect(200);
      expect(resB.body.timezone).toBe('America/New_York');
      expectSummary(resB.body, b, ragged);
      expect(resB.body.current.calls.total).toBe(inB.length);
    });

    it('answers 404 for an agentId of another tenant, and an agent of A cannot use one either', async () => {
      const res = await summary(as(a.admin), february, { agentId: b.agent.id }).expect(404);
      expect(res.body.type).toContain('not-found');
      await summary(as(a.agent), february, { agentId: b.agent.id }).expect(403);
    });
  });

  describe('validation', () => {
    const query = (q: Record<string, string>) => request(t.server).get(`${API}/analytics/summary`).set(as(a.admin)).query(q);

    it('refuses a period that does not end after it starts', async () => {
      const same = await query({ from: '2026-02-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }).expect(400);
      expect(same.body.errors).toEqual({ to: 'must be after from' });
      await query({ from: '2026-02-02T00:00:00Z', to: '2026-02-01T00:00:00Z' }).expect(400);
    });

    it('refuses a period longer than 400 days, and accepts exactly 400', async () => {
      const from = Date.parse('2025-01-01T00:00:00Z');
      const long = await query({ from: new Date(from).toISOString(), to: new Date(from + 400 * DAY + 1000).toISOString() }).expect(400);
      expect(long.body.errors.to).toContain('400 days');
      await query({ from: new Date(from).toISOString(), to: new Date(from + 400 * DAY).toISOString() }).expect(200);
    });

    it('refuses missing or malformed instants, unknown zones and malformed agent ids, naming the field', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ to: '2026-02-01T00:00:00Z' }, 'from'],
        [{ from: '2026-02-01', to: '2026-03-01T00:00:00Z' }, 'from'],
        [{ from: '2026-02-01T00:00:00', to: '2026-03-01T00:00:00Z' }, 'from'],
        [{ from: '2026-02-01T00:00:00Z', to: 'tomorrow' }, 'to'],
        [{ from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', timezone: 'Mars/Olympus' }, 'timezone'],
        [{ from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', timezone: 'UTC+3' }, 'timezone'],
        [{ from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', agentId: 'me' }, 'agentId'],
      ];
      for (const [q, field] of cases) {
        const res = await query(q);
        expect({ q, status: res.status, field: Object.keys(res.body.errors ?? {}) }).toEqual({ q, status: 400, field: [field] });
      }
    });
  });
});
