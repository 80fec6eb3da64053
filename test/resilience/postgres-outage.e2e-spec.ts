import type { MikroORM } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io-client';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { connect, customToken, Inbox } from '../support/sockets';
import { call, ensureBuiltApp, eventually, openOrm, sleep, startAppProcess, startPrivatePostgres, type AppProcess, type Outcome, type PrivatePostgres } from './harness';
import { runLoad, summarise } from './load';

/**
 * PostgreSQL killed (`pg_ctl stop -m immediate`) under a mixed load of ticket creations and list
 * reads, then restarted on the same port, while the app (the built one, as a process) keeps running:
 * it must answer 503 problem+json rather than hang or 500, report not ready, never keep half a
 * ticket, reconnect by itself, deliver the outbox once the database is back, and resume the SLA job.
 */
describe('resilience: PostgreSQL stopped and restarted under load', () => {
  let pg: PrivatePostgres;
  let app: AppProcess;
  let orm: MikroORM;
  let f: TenantFixture;
  let auth: Record<string, string>;
  let socket: Socket | undefined;
  let load: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    ensureBuiltApp();
    pg = await startPrivatePostgres('pg-outage');
    // the SLA job every second so that its resumption shows quickly
    app = await startAppProcess(pg.url, { SLA_JOB_INTERVAL_MS: '1000' });
    orm = await openOrm(pg.url);
    f = await createTenantFixture({ orm });
    auth = { authorization: `Bearer ${customToken(f.supervisor, f.tenant.id)}` };
  }, 300_000);

  afterAll(async () => {
    await load?.stop();
    socket?.close();
    await app?.dispose();
    await orm?.close(true);
    await pg?.destroy();
  }, 60_000);

  const api = (route: string) => `${app.url}/api/v1${route}`;

  it('fails fast with 503, keeps nothing half-written, and recovers on its own', async () => {
    // an SLA policy only the probe ticket (created after the restart) matches: 1% of a minute
    const policy = await call(api('/sla-policies'), {
      method: 'POST',
      headers: { authorization: `Bearer ${customToken(f.admin, f.tenant.id)}` },
      body: { name: 'resilience probe', tags: ['sla-probe'], firstResponseMinutes: 1, warnAtPercent: [1] },
    });
    expect(policy.status).toBe(201);
    socket = await connect(app.url, customToken(f.supervisor, f.tenant.id));
    const inbox = new Inbox(socket);

    let serial = 0;
    const created: string[] = [];
    const attempts: { kind: 'create' | 'read'; outcome: Outcome }[] = [];
    const step = async () => {
      const kind = serial % 3 === 2 ? 'read' : 'create';
      const n = ++serial;
      const outcome =
        kind === 'create'
          ? await call(api('/tickets'), { method: 'POST', headers: auth, body: { subject: `outage ticket ${n}` } })
          : await call(api('/tickets?range=[0,9]&sort=["createdAt","DESC"]'), { headers: auth });
      if (kind === 'create' && outcome.status === 201) created.push((outcome.body as { id: string }).id);
      attempts.push({ kind, outcome });
    };

    load = runLoad(step, 6);
    await sleep(3_000);
    const beforeStop = attempts.length;
    await pg.stopImmediately();
    const stoppedAt = attempts.length;
    // while it is down: readiness says so, and requests answer rather than hang
    await eventually(async () => (await call(api('/health/ready'))).status === 503, 'readiness reports 503', 10_000);
    const readyWhileDown = await call(api('/health/ready'));
    const live = await call(api('/health/live'));
    await sleep(4_000);
    const downRequests = attempts.slice(stoppedAt);
    await pg.restart();
    // nothing restarts the app: its pool and LISTEN connection reconnect by themselves
    await eventually(async () => (await call(api('/health/ready'))).status === 200, 'readiness is back', 60_000, 250);
    await sleep(3_000);
    await load.stop();

    // SLA job resumed: a ticket created now gets its 1% warning from the job
    const probe = await call(api('/tickets'), { method: 'POST', headers: auth, body: { subject: 'sla probe', tags: ['sla-probe'] } });
    expect(probe.status).toBe(201);
    const probeId = (probe.body as { id: string }).id;
    const conn = orm.em.getConnection();
    await eventually(async () => (await conn.execute('select 1 from sla_events where ticket_id = ? and kind = ?', [probeId, 'warning'])).length > 0, 'the SLA job records the probe warning', 30_000);

    // nothing half-written: each ticket has its audit event and its outbox row, and the other way round
    const tenantId = f.tenant.id;
    const tickets = new Set((await conn.execute<{ id: string }[]>('select id from tickets where tenant_id = ?', [tenantId])).map((r) => r.id));
    const audited = new Set((await conn.execute<{ id: string }[]>("select resource_id as id from audit_events where tenant_id = ? and resource = 'tickets' and action = 'create'", [tenantId])).map((r) => r.id));
    const published = new Set((await conn.execute<{ id: string }[]>("select resource_id as id from outbox_events where tenant_id = ? and name = 'ticket.created'", [tenantId])).map((r) => r.id));
    const halfWritten = [...new Set([...tickets, ...audited, ...published])].filter((id) => !(tickets.has(id) && audited.has(id) && published.has(id)));
    const lost = created.filter((id) => !tickets.has(id));

    // the outbox drains: every row delivered, and the connected socket got every ticket.created
    await eventually(async () => Number((await conn.execute<{ n: string }[]>('select count(*) as n from outbox_events where tenant_id = ? and delivered_at is null', [tenantId]))[0].n) === 0, 'the outbox is drained', 30_000);
    await inbox.waitUntil(() => [...tickets].every((id) => inbox.events.some((e) => e.name === 'ticket.created' && e.envelope.resourceId === id)), 30_000, 'a ticket.created per stored ticket');

    const figures = summarise(attempts.map((a) => a.outcome));
    const down = summarise(downRequests.map((a) => a.outcome));
    const nonProblem503 = attempts.filter((a) => a.outcome.status === 503 && !(a.outcome.contentType.includes('application/problem+json') && /service-unavailable/.test(JSON.stringify(a.outcome.body))));
    process.stdout.write(
      [
        `postgres outage: ${figures.requests} requests (${beforeStop} before the stop, ${down.requests} while down), ${figures.status5xx} 5xx of which ${figures.status503} 503, ${figures.other5xx} other 5xx, ${figures.noAnswer} without an answer`,
        `postgres outage: statuses ${JSON.stringify(figures.byStatus)}, while down ${JSON.stringify(down.byStatus)}`,
        `postgres outage: slowest answer while down ${Math.round(down.slowestMs)} ms; tickets stored ${tickets.size} (with the SLA probe), acknowledged with 201 ${created.length}, lost ${lost.length}, half-written ${halfWritten.length}, duplicate events on the socket ${inbox.events.filter((e) => e.name === 'ticket.created').length - tickets.size} (at least once)`,
        `postgres outage: outbox drained, ${inbox.events.filter((e) => e.name === 'ticket.created').length} ticket.created events on the socket for ${tickets.size} tickets; SLA job resumed (probe warning recorded)`,
      ].join('\n') + '\n',
    );

    expect(readyWhileDown.status).toBe(503);
    expect(readyWhileDown.contentType).toContain('application/problem+json');
    expect(live.status).toBe(200);
    expect(down.status503).toBeGreaterThan(0);
    expect(figures.other5xx).toBe(0);
    expect(figures.noAnswer).toBe(0);
    expect(nonProblem503.map((a) => a.outcome.body)).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect(lost).toEqual([]);
    expect(created.length).toBeGreaterThan(0);
  }, 240_000);
});
