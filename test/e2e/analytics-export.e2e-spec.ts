import http from 'node:http';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { API } from './call-logs.fixtures';
import { call, insertCalls, insertTickets, parseCsv, ticket, type FixtureCall, type FixtureTicket, type Range } from './analytics.fixtures';

const BOM = '\ufeff';
const march: Range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };

/** The raw response body as text (supertest does not buffer text/csv on its own). */
function asText(res: request.Response, done: (err: Error | null, body: string) => void): void {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
}

describe('GET /analytics/export', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  const calls: FixtureCall[] = [];
  const tickets: FixtureTicket[] = [];

  const as = (m: StaffMember, f: TenantFixture = a) => tokenFor(t, m, f.tenant.id);
  const download = (auth: Record<string, string>, query: Record<string, string>, r: Range = march) =>
    request(t.server).get(`${API}/analytics/export`).set(auth).query({ from: r.from.toISOString(), to: r.to.toISOString(), format: 'csv', ...query }).buffer(true).parse(asText);
  /** Header and records as objects. */
  const records = (text: string) => {
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
    // more than two cursor batches of 500
    for (let i = 0; i < 1234; i++) {
      calls.push(call({
        tenantId: a.tenant.id,
        startedAt: new Date(march.from.getTime() + i * 30 * 60_000 + 1_000),
        agentId: i % 3 === 0 ? a.agent.id : a.agent2.id,
        outcome: i % 4 === 0 ? 'missed' : 'answered',
        talkSeconds: i % 4 === 0 ? 0 : 30 + i,
        wrapUpSeconds: i % 5 === 0 ? null : 12,
      }));
    }
    calls.push(call({ tenantId: a.tenant.id, startedAt: new Date('2026-02-28T23:59:59Z'), agentId: a.agent.id }));
    calls.push(call({ tenantId: b.tenant.id, startedAt: new Date('2026-03-05T10:00:00Z'), agentId: b.agent.id }));
    await insertCalls(t, calls);
    tickets.push(
      ticket({ tenantId: a.tenant.id, createdAt: new Date('2026-03-02T09:00:00Z'), subject: '=HYPERLINK("http://evil.test","click")', tags: ['billing', 'vip'], assigneeId: a.agent.id,
        firstRespondedAt: new Date('2026-03-02T09:30:00Z'), resolvedAt: new Date('2026-03-02T11:00:00Z'), status: 'resolved' }),
      ticket({ tenantId: a.tenant.id, createdAt: new Date('2026-03-03T09:00:00Z'), subject: 'Line one, "quoted"\nline two', assigneeId: a.agent2.id }),
      ticket({ tenantId: a.tenant.id, createdAt: new Date('2026-04-01T00:00:00Z'), subject: 'Next month' }),
      ticket({ tenantId: b.tenant.id, createdAt: new Date('2026-03-02T09:00:00Z'), subject: 'Tenant B' }),
    );
    await insertTickets(t, tickets);
  });
  afterAll(() => t.close());

  it('streams every call of the period as CSV with a BOM, a header row and a download file name', async () => {
    const res = await download(as(a.admin), { report: 'calls' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="calls-20260301T000000Z-20260401T000000Z.csv"');
    // streamed: no length known up front
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const { header, rows } = records(res.body);
    expect(header).toEqual(['id', 'externalId', 'startedAt', 'answeredAt', 'endedAt', 'direction', 'status', 'outcome', 'missedReason', 'fromNumber', 'toNumber',
      'ringSeconds', 'talkSeconds', 'wrapUpSeconds', 'agentId', 'agentName', 'disposition', 'leadId', 'ticketId', 'source']);
    const inPeriod = calls.filter((c) => c.tenantId === a.tenant.id && c.startedAt >= march.from && c.startedAt < march.to);
    expect(rows).toHaveLength(1234);
    expect(rows.map((r) => r.id)).toEqual(inPeriod.map((c) => c.id));
    const [first] = rows;
    expect(first).toMatchObject({
      startedAt: inPeriod[0].startedAt.toISOString(), answeredAt: '', direction: 'inbound', outcome: 'missed', talkSeconds: '0', wrapUpSeconds: '',
      agentId: a.agent.id, agentName: a.agent.name, source: 'api', fromNumber: '+14155550100',
    });
    expect(rows[1]).toMatchObject({ outcome: 'answered', talkSeconds: '31', wrapUpSeconds: '12', answeredAt: new Date(inPeriod[1].startedAt.getTime() + 5_000).toISOString() });
  });

  it('gives an agent only their own calls, and refuses them another agent’s', async () => {
    const res = await download(as(a.agent), { report: 'calls' }).expect(200);
    const { rows } = records(res.body);
    const mine = calls.filter((c) => c.tenantId === a.tenant.id && c.agentId === a.agent.id && c.startedAt >= march.from && c.startedAt < march.to);
    expect(rows.map((r) => r.id)).toEqual(mine.map((c) => c.id));
    expect(new Set(rows.map((r) => r.agentId))).toEqual(new Set([a.agent.id]));
    await download(as(a.agent), { report: 'calls', agentId: a.agent2.id }).expect(403);
  });

  it('never exports another tenant’s rows', async () => {
    const res = await download(as(b.admin, b), { report: 'calls' }).expect(200);
    expect(records(res.body).rows.map((r) => r.id)).toEqual([calls.at(-1)!.id]);
    const tk = await download(as(b.admin, b), { report: 'tickets' }).expect(200);
    expect(records(tk.body).rows.map((r) => r.subject)).toEqual(['Tenant B']);
  });

  it('exports tickets created in the period, quoting what needs it and defusing formulas', async () => {
    const res = await download(as(a.supervisor), { report: 'tickets' }).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="tickets-20260301T000000Z-20260401T000000Z.csv"');
    const { header, rows } = records(res.body);
    expect(header).toEqual(['id', 'number', 'subject', 'status', 'priority', 'channel', 'tags', 'assigneeId', 'assigneeName', 'createdAt', 'firstRespondedAt',
      'resolvedAt', 'closedAt', 'firstResponseMinutes', 'resolutionMinutes']);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: tickets[0].id, number: String(tickets[0].number), subject: `'=HYPERLINK("http://evil.test","click")`, status: 'resolved', tags: 'billing; vip',
      assigneeName: a.agent.name, createdAt: '2026-03-02T09:00:00.000Z', firstRespondedAt: '2026-03-02T09:30:00.000Z', resolvedAt: '2026-03-02T11:00:00.000Z',
      closedAt: '', firstResponseMinutes: '30', resolutionMinutes: '120',
    });
    expect(rows[1]).toMatchObject({ subject: 'Line one, "quoted"\nline two', tags: '', firstResponseMinutes: '', assigneeId: a.agent2.id });
  });

  it('exports the leaderboard', async () => {
    const res = await download(as(a.admin), { report: 'agents' }).expect(200);
    const { header, rows } = records(res.body);
    expect(header).toEqual(['agentId', 'name', 'callsHandled', 'answerRate', 'avgHandleSeconds', 'ticketsResolved', 'medianFirstResponseMinutes', 'slaCompliance']);
    const handled = (agentId: string) => calls.filter((c) => c.tenantId === a.tenant.id && c.agentId === agentId && c.outcome === 'answered' && c.startedAt >= march.from && c.startedAt < march.to).length;
    expect(rows.map((r) => [r.agentId, r.callsHandled])).toEqual([
      [a.agent2.id, String(handled(a.agent2.id))],
      [a.agent.id, String(handled(a.agent.id))],
    ]);
    expect(rows[1]).toMatchObject({ ticketsResolved: '1', medianFirstResponseMinutes: '30', slaCompliance: '' });
    // the leaderboard compares people: not for agents, not even their own row
    const refused = await download(as(a.agent2), { report: 'agents' }).expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('holds one cursor while the client reads slowly, and gives its connection back when the client goes away', async () => {
    // far more CSV (~20 MB) than the socket buffers take, even grown by the kernel's autotuning
    // (loopback receive buffers reach 32 MB), so that the server really waits for the reader
    const c = await createTenantFixture(t);
    await insertCalls(t, Array.from({ length: 100_000 }, (_, i) => call({ tenantId: c.tenant.id, startedAt: new Date(march.from.getTime() + i * 20_000), agentId: c.agent.id })));
    const open = async (): Promise<number> => {
      const rows: Array<{ n: number }> = await t.orm.em.fork().getConnection().execute(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and query like '%analytics_export%' and state like 'idle in transaction%'`,
      );
      return rows[0].n;
    };
    const waitFor = async (n: number) => {
      // generous: on a loaded machine the server may take a while to see the socket close
      for (let i = 0; i < 200 && (await open()) !== n; i++) await new Promise((r) => setTimeout(r, 50));
      return open();
    };
    const server = t.app.getHttpServer();
    if (!server.listening) await t.app.listen(0, '127.0.0.1');
    const { port } = server.address() as { port: number };
    const query = new URLSearchParams({ report: 'calls', from: march.from.toISOString(), to: march.to.toISOString() });
    const req = http.get({ host: '127.0.0.1', port, path: `${API}/analytics/export?${query}`, headers: tokenFor(t, c.admin, c.tenant.id) });
    const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(res.statusCode).toBe(200);
    req.on('error', () => undefined);
    try {
      await new Promise((resolve) => res.once('data', resolve));
      res.pause();
      expect(await waitFor(1)).toBe(1);
    } finally {
      req.destroy();
    }
    expect(await waitFor(0)).toBe(0);
  });

  it('refuses unknown reports and formats before streaming anything', async () => {
    for (const query of [{ report: 'users' }, { report: 'calls', format: 'xlsx' }, {}]) {
      const res = await request(t.server).get(`${API}/analytics/export`).set(as(a.admin))
        .query({ from: march.from.toISOString(), to: march.to.toISOString(), ...query }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await download(as(a.admin), { report: 'calls' }, { from: march.to, to: march.from }).expect(400);
  });
});
