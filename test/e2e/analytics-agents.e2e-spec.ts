import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { API, createApiKey } from './call-logs.fixtures';
import {
  call,
  expectedCompliance,
  insertCalls,
  insertSlaEvents,
  insertTickets,
  percentile,
  ticket,
  type FixtureCall,
  type FixtureSlaEvent,
  type FixtureTicket,
  type Range,
} from './analytics.fixtures';

const MINUTE = 60_000;
const march: Range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const february: Range = { from: new Date('2026-01-29T00:00:00Z'), to: march.from };
const inMarch = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour));
const inFebruary = (day: number) => new Date(Date.UTC(2026, 1, day, 10));

type Row = Record<string, unknown> & { agentId: string; name: string };

describe('GET /analytics/agents', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let idle: string;
  const calls: FixtureCall[] = [];
  const tickets: FixtureTicket[] = [];
  const events: FixtureSlaEvent[] = [];

  const as = (m: StaffMember, f: TenantFixture = a) => tokenFor(t, m, f.tenant.id);
  const leaderboard = (auth: Record<string, string>, query: Record<string, string> = {}) =>
    request(t.server).get(`${API}/analytics/agents`).set(auth).query({ from: march.from.toISOString(), to: march.to.toISOString(), ...query });

  /** One person's leaderboard figures, from the fixture rows. */
  function expected(agentId: string, name: string, r: Range): Row {
    const within = (d: Date | null) => d !== null && d >= r.from && d < r.to;
    const mine = calls.filter((c) => c.agentId === agentId && within(c.startedAt));
    const handled = mine.filter((c) => c.outcome === 'answered');
    const inbound = mine.filter((c) => c.direction === 'inbound');
    const assigned = tickets.filter((k) => k.assigneeId === agentId);
    const firstResponses = assigned.filter((k) => within(k.firstRespondedAt)).map((k) => (k.firstRespondedAt!.getTime() - k.createdAt.getTime()) / MINUTE);
    const ids = new Set(assigned.map((k) => k.id));
    return {
      agentId,
      name,
      callsHandled: handled.length,
      answerRate: inbound.length ? inbound.filter((c) => c.outcome === 'answered').length / inbound.length : null,
      avgHandleSeconds: handled.length ? handled.reduce((s, c) => s + c.talkSeconds + (c.wrapUpSeconds ?? 0), 0) / handled.length : null,
      ticketsResolved: assigned.filter((k) => within(k.resolvedAt)).length,
      medianFirstResponseMinutes: percentile(firstResponses, 0.5),
      slaCompliance: expectedCompliance(events, a.tenant.id, r, (e) => ids.has(e.ticketId)).all.compliance,
    };
  }

  const people = () => [
    { id: a.agent.id, name: 'Alice Agent' },
    { id: a.agent2.id, name: 'Bob Agent' },
    { id: a.supervisor.id, name: 'Carol Supervisor' },
    { id: idle, name: 'Dave Idle' },
  ];
  const expectedRows = (r: Range) => people().map((p) => expected(p.id, p.name, r));
  const byId = (rows: Row[]) => new Map(rows.map((x) => [x.agentId, x]));

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
    const conn = t.orm.em.fork().getConnection();
    // names that sort the same in every collation
    for (const p of [{ id: a.agent.id, n: 'Alice Agent' }, { id: a.agent2.id, n: 'Bob Agent' }, { id: a.supervisor.id, n: 'Carol Supervisor' }]) {
      await conn.execute('update users set name = ? where tenant_id = ? and id = ?', [p.n, a.tenant.id, p.id], 'run');
    }
    idle = randomUUID();
    const gone = randomUUID();
    await conn.execute(
      `insert into users (id, tenant_id, name, email, role, password_hash, active, token_version) values (?, ?, 'Dave Idle', ?, 'agent', '', true, 0), (?, ?, 'Eve Gone', ?, 'agent', '', false, 0)`,
      [idle, a.tenant.id, `idle.${idle}@example.test`, gone, a.tenant.id, `gone.${gone}@example.test`],
      'run',
    );
    const c = (agentId: string | null, extra: Partial<FixtureCall>) => calls.push(call({ tenantId: a.tenant.id, startedAt: inMarch(3), agentId, ...extra }));
    // Alice: 4 of 5 inbound answered, 2 outbound answered, 1 outbound busy
    [100, 200, 300, 400].forEach((talk, i) => c(a.agent.id, { talkSeconds: talk, wrapUpSeconds: [10, 20, null, 40][i], startedAt: inMarch(2 + i) }));
    c(a.agent.id, { outcome: 'missed', talkSeconds: 0 });
    c(a.agent.id, { direction: 'outbound', talkSeconds: 50 });
    c(a.agent.id, { direction: 'outbound', talkSeconds: 150, startedAt: inMarch(31, 23) });
    c(a.agent.id, { direction: 'outbound', outcome: 'busy', talkSeconds: 0 });
    // Bob: 2 of 4 inbound answered; busier in February
    c(a.agent2.id, { talkSeconds: 60, wrapUpSeconds: 0 });
    c(a.agent2.id, { talkSeconds: 60 });
    c(a.agent2.id, { outcome: 'abandoned', talkSeconds: 0 });
    c(a.agent2.id, { outcome: 'abandoned', talkSeconds: 0 });
    for (let d = 1; d <= 5; d++) c(a.agent2.id, { startedAt: inFebruary(d), talkSeconds: 30 * d });
    // Carol (a supervisor) made one call; nobody took one missed call
    c(a.supervisor.id, { direction: 'outbound', talkSeconds: 30 });
    c(null, { outcome: 'missed', talkSeconds: 0 });
    // Alice's call outside the period, and B's calls, never count
    c(a.agent.id, { startedAt: new Date('2026-04-01T00:00:00Z'), talkSeconds: 999 });
    calls.push(call({ tenantId: b.tenant.id, startedAt: inMarch(3), agentId: b.agent.id, talkSeconds: 500 }));
    await insertCalls(t, calls);

    const k = (assigneeId: string | null, created: Date, respondedAfter: number | null, resolvedAfter: number | null) => {
      const x = ticket({
        tenantId: a.tenant.id,
        assigneeId,
        createdAt: created,
        firstRespondedAt: respondedAfter === null ? null : new Date(created.getTime() + respondedAfter * MINUTE),
        resolvedAt: resolvedAfter === null ? null : new Date(created.getTime() + resolvedAfter * MINUTE),
        status: resolvedAfter === null ? 'open' : 'resolved',
      });
      tickets.push(x);
      return x;
    };
    const aliceTickets = [k(a.agent.id, inMarch(4), 10, 100), k(a.agent.id, inMarch(5), 20, 200), k(a.agent.id, inMarch(6), 90, 300), k(a.agent.id, inMarch(7), null, null)];
    const bobTickets = [k(a.agent2.id, inMarch(8), 5, 60), k(a.agent2.id, inFebruary(10), 7, null)];
    await insertTickets(t, tickets);
    const e = (ticketId: string, kind: 'met' | 'breached', due: Date, metric: FixtureSlaEvent['metric'] = 'first_response') =>
      events.push({ tenantId: a.tenant.id, ticketId, policyId: null, metric, kind, cycle: 0, threshold: null, dueAt: due, occurredAt: due });
    e(aliceTickets[0].id, 'met', inMarch(4, 12));
    e(aliceTickets[1].id, 'met', inMarch(5, 12));
    e(aliceTickets[2].id, 'breached', inMarch(6, 12));
    e(aliceTickets[2].id, 'met', inMarch(6, 12));
    e(aliceTickets[0].id, 'met', inMarch(9, 12), 'resolution');
    e(bobTickets[0].id, 'breached', inMarch(8, 12));
    e(bobTickets[1].id, 'met', inFebruary(10));
    await insertSlaEvents(t, events);
  });
  afterAll(() => t.close());

  it('ranks by calls handled (default), with every figure as defined, and the same people in the previous period', async () => {
    const res = await leaderboard(as(a.supervisor)).expect(200);
    expect(res.body).toMatchObject({ sort: 'callsHandled', order: 'DESC', agentId: null });
    const rows = res.body.current as Row[];
    expect(rows.map((r) => r.name)).toEqual(['Alice Agent', 'Bob Agent', 'Carol Supervisor', 'Dave Idle']);
    const want = byId(expectedRows(march));
    for (const row of rows) expect(row).toEqual(want.get(row.agentId));
    expect(rows[0]).toMatchObject({ callsHandled: 6, answerRate: 0.8, ticketsResolved: 3, medianFirstResponseMinutes: 20, slaCompliance: 0.75 });
    expect(rows[0].avgHandleSeconds).toBeCloseTo(1270 / 6, 9);
    const previous = res.body.previousFigures as Row[];
    expect(previous.map((r) => r.agentId)).toEqual(rows.map((r) => r.agentId));
    const wantBefore = byId(expectedRows(february));
    for (const row of previous) expect(row).toEqual(wantBefore.get(row.agentId));
    expect(previous[1]).toMatchObject({ callsHandled: 5, slaCompliance: 1 });
  });

  it('sorts by an allowed figure in either direction, empty figures last, then by name', async () => {
    const names = async (sort: string, order: string) => ((await leaderboard(as(a.admin), { sort, order }).expect(200)).body.current as Row[]).map((r) => r.name);
    expect(await names('name', 'ASC')).toEqual(['Alice Agent', 'Bob Agent', 'Carol Supervisor', 'Dave Idle']);
    expect(await names('name', 'DESC')).toEqual(['Dave Idle', 'Carol Supervisor', 'Bob Agent', 'Alice Agent']);
    expect(await names('answerRate', 'ASC')).toEqual(['Bob Agent', 'Alice Agent', 'Carol Supervisor', 'Dave Idle']);
    expect(await names('avgHandleSeconds', 'DESC')).toEqual(['Alice Agent', 'Bob Agent', 'Carol Supervisor', 'Dave Idle']);
    expect(await names('avgHandleSeconds', 'ASC')).toEqual(['Carol Supervisor', 'Bob Agent', 'Alice Agent', 'Dave Idle']);
    expect(await names('slaCompliance', 'ASC')).toEqual(['Bob Agent', 'Alice Agent', 'Carol Supervisor', 'Dave Idle']);
    expect(await names('medianFirstResponseMinutes', 'ASC')).toEqual(['Bob Agent', 'Alice Agent', 'Carol Supervisor', 'Dave Idle']);
    expect(await names('ticketsResolved', 'DESC')).toEqual(['Alice Agent', 'Bob Agent', 'Carol Supervisor', 'Dave Idle']);
  });

  it('refuses sort fields and orders outside the allow-list', async () => {
    const cases: Record<string, string>[] = [{ sort: 'password_hash' }, { sort: 'name; drop table users' }, { order: 'sideways' }];
    for (const query of cases) {
      const res = await leaderboard(as(a.admin), query).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(Object.keys(query));
    }
  });

  it('refuses an agent the leaderboard (403 problem+json), even their own row, while their own summary stays open to them', async () => {
    const queries: Record<string, string>[] = [{}, { agentId: a.agent2.id }, { agentId: a.agent.id }];
    for (const query of queries) {
      const res = await leaderboard(as(a.agent2), query).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 403, type: expect.stringMatching(/forbidden$/) });
    }
    const own = await request(t.server)
      .get(`${API}/analytics/summary`)
      .set(as(a.agent2))
      .query({ from: march.from.toISOString(), to: march.to.toISOString() })
      .expect(200);
    expect(own.body.agentId).toBe(a.agent2.id);
    expect(own.body.current.calls.answered).toBe(expected(a.agent2.id, 'Bob Agent', march).callsHandled);
  });

  it('narrows to one person for a supervisor, and lists inactive people only when they have figures', async () => {
    const res = await leaderboard(as(a.supervisor), { agentId: a.supervisor.id }).expect(200);
    expect(res.body.current).toEqual([expected(a.supervisor.id, 'Carol Supervisor', march)]);
    const all = await leaderboard(as(a.admin)).expect(200);
    expect(all.body.current.map((r: Row) => r.name)).not.toContain('Eve Gone');
  });

  it('serves API keys with analytics:read, and never lists another tenant’s people', async () => {
    const key = await createApiKey(t, a, ['analytics:read']);
    const res = await leaderboard(key.header).expect(200);
    expect(res.body.current.map((r: Row) => r.agentId).sort()).toEqual(people().map((p) => p.id).sort());
    const resB = await leaderboard(as(b.admin, b)).expect(200);
    expect(resB.body.current.map((r: Row) => r.agentId).sort()).toEqual([b.agent.id, b.agent2.id].sort());
    expect(resB.body.current.find((r: Row) => r.agentId === b.agent.id)).toMatchObject({ callsHandled: 1, avgHandleSeconds: 500 });
    await leaderboard(as(a.admin), { agentId: b.agent.id }).expect(404);
  });
});
