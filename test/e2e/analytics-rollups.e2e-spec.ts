import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { API, answeredCall, missedCall, uniqueId } from './call-logs.fixtures';
import { expectFigures, expectedCallFigures, type FixtureCall, type Range } from './analytics.fixtures';

const range = (from: string, to: string): Range => ({ from: new Date(from), to: new Date(to) });

/**
 * The daily rollups (kept by triggers) must give exactly what the raw calls give, whatever happens
 * to the calls: ingestion through the API (inserts and lifecycle upserts), edits, deletes, a change
 * of the tenant's time zone. Expected figures come from the calls as stored, added up in JS.
 */
describe('call rollups stay exact', () => {
  let t: TestApp;
  let a: TenantFixture;

  const as = (f: TenantFixture, who: 'admin' | 'agent' | 'agent2' = 'admin') => tokenFor(t, f[who], f.tenant.id);
  const stored = async (tenantId: string): Promise<FixtureCall[]> => {
    const rows: Array<{ id: string; direction: 'inbound' | 'outbound'; outcome: FixtureCall['outcome']; started_at: string; talk_seconds: number; wrap_up_seconds: number | null; agent_id: string | null }> =
      await t.orm.em.fork().getConnection().execute(
        'select id, direction, outcome, started_at, talk_seconds, wrap_up_seconds, agent_id from call_logs where tenant_id = ?',
        [tenantId],
      );
    return rows.map((r) => ({ id: r.id, tenantId, direction: r.direction, outcome: r.outcome, startedAt: new Date(r.started_at), talkSeconds: r.talk_seconds, wrapUpSeconds: r.wrap_up_seconds, agentId: r.agent_id }));
  };
  const expectMatches = async (periods: Range[], agentId: string | null = null) => {
    const calls = await stored(a.tenant.id);
    for (const p of periods) {
      const res = await request(t.server).get(`${API}/analytics/summary`).set(as(a)).query({ from: p.from.toISOString(), to: p.to.toISOString(), ...(agentId ? { agentId } : {}) }).expect(200);
      expectFigures(res.body.current.calls, expectedCallFigures(calls, a.tenant.id, p, agentId));
    }
  };
  const sql = (text: string, params: unknown[]) => t.orm.em.fork().getConnection().execute(text, params, 'run');

  // June in Berlin (UTC+2): whole local days, and a period with ragged ends
  const wholeDays = range('2026-06-09T22:00:00Z', '2026-06-12T22:00:00Z');
  const ragged = range('2026-06-10T05:00:00Z', '2026-06-12T13:00:00Z');
  const at = (iso: string, seconds = 0) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t, { timezone: 'Europe/Berlin' });
    const post = (body: Record<string, unknown>, who: 'agent' | 'agent2' = 'agent') => request(t.server).post(`${API}/call-logs`).set(as(a, who)).send(body);
    for (const [i, start] of ['2026-06-09T21:59:00Z', '2026-06-09T22:00:00Z', '2026-06-10T04:59:59Z', '2026-06-10T12:00:00Z', '2026-06-11T21:59:59Z', '2026-06-11T22:00:00Z', '2026-06-12T13:00:00Z', '2026-06-12T21:00:00Z'].entries()) {
      await post(answeredCall({ startedAt: at(start), answeredAt: at(start, 10), endedAt: at(start, 100 + i * 37), wrapUpSeconds: i * 5 }), i % 2 ? 'agent' : 'agent2').expect(201);
    }
    await post(missedCall({ startedAt: at('2026-06-10T09:00:00Z'), endedAt: at('2026-06-10T09:00:00Z', 20) })).expect(201);
    // a bulk upload, and a call that moves through its lifecycle (insert, then two upserts)
    const bulk = ['2026-06-10T10:00:00Z', '2026-06-11T10:00:00Z', '2026-06-12T10:00:00Z'].map((s, i) => answeredCall({ direction: i ? 'inbound' : 'outbound', startedAt: at(s), answeredAt: at(s, 3), endedAt: at(s, 400) }));
    await request(t.server).post(`${API}/call-logs/bulk`).set(as(a, 'agent')).send({ items: bulk }).expect(200);
    const externalId = uniqueId('life');
    const start = '2026-06-11T08:00:00Z';
    await post({ ...answeredCall({ externalId, startedAt: at(start) }), status: 'ringing', outcome: undefined, answeredAt: undefined, endedAt: undefined }).expect(201);
    await post({ ...answeredCall({ externalId, startedAt: at(start), answeredAt: at(start, 8) }), status: 'in_progress', outcome: undefined, endedAt: undefined }).expect(200);
    await post(answeredCall({ externalId, startedAt: at(start), answeredAt: at(start, 8), endedAt: at(start, 608) })).expect(200);
  });
  afterAll(() => t.close());

  it('matches the raw calls after ingestion through the API (single, bulk, lifecycle upserts)', async () => {
    const calls = await stored(a.tenant.id);
    expect(calls.length).toBe(13);
    expect(calls.find((c) => c.talkSeconds === 600)).toMatchObject({ outcome: 'answered' });
    await expectMatches([wholeDays, ragged]);
    await expectMatches([wholeDays, ragged], a.agent.id);
  });

  it('follows edits: outcome, agent, talk and wrap-up time, and a start moved to another day', async () => {
    const [first, second, third] = (await stored(a.tenant.id)).sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime()).slice(1, 4);
    await sql(`update call_logs set outcome = 'abandoned', talk_seconds = 0 where tenant_id = ? and id = ?`, [a.tenant.id, first.id]);
    await sql(`update call_logs set agent_id = ?, wrap_up_seconds = 99 where tenant_id = ? and id = ?`, [a.agent2.id, a.tenant.id, second.id]);
    await sql(`update call_logs set started_at = started_at + interval '1 day 3 hours', talk_seconds = 1234 where tenant_id = ? and id = ?`, [a.tenant.id, third.id]);
    // a statement touching many rows at once, changing nothing the figures use
    await sql(`update call_logs set notes = 'seen' where tenant_id = ?`, [a.tenant.id]);
    await expectMatches([wholeDays, ragged]);
    await expectMatches([wholeDays], a.agent2.id);
  });

  it('follows deletes', async () => {
    const [victim] = await stored(a.tenant.id);
    await request(t.server).delete(`${API}/call-logs/${victim.id}`).set(as(a)).set('Content-Type', 'text/plain').expect(200);
    await sql(`delete from call_logs where tenant_id = ? and started_at >= ? and started_at < ?`, [a.tenant.id, new Date('2026-06-11T00:00:00Z'), new Date('2026-06-11T12:00:00Z')]);
    await expectMatches([wholeDays, ragged]);
  });

  it('rebuilds when the tenant moves to another time zone, so its whole days are the new zone’s', async () => {
    await request(t.server).put(`${API}/tenants/${a.tenant.id}`).set(as(a)).send({ timezone: 'America/New_York' }).expect(200);
    // whole New York days (UTC-4), and the Berlin ones, which are now ragged
    await expectMatches([range('2026-06-09T04:00:00Z', '2026-06-13T04:00:00Z'), wholeDays, ragged]);
    const series = await request(t.server).get(`${API}/analytics/calls/timeseries`).set(as(a))
      .query({ from: '2026-06-09T04:00:00Z', to: '2026-06-13T04:00:00Z', interval: 'day' }).expect(200);
    expect(series.body.timezone).toBe('America/New_York');
    const calls = await stored(a.tenant.id);
    for (const bucket of series.body.current) {
      expect({ label: bucket.label, total: bucket.total }).toEqual({ label: bucket.label, total: expectedCallFigures(calls, a.tenant.id, range(bucket.start, bucket.end)).total });
    }
  });
});
