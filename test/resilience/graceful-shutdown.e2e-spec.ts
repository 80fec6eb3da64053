import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { connect, customToken, refusal } from '../support/sockets';
import { call, ensureBuiltApp, eventually, openOrm, startAppProcess, startPrivatePostgres, type AppProcess, type Outcome, type PrivatePostgres } from './harness';

/**
 * SIGTERM on the built app: readiness turns 503 at once while liveness stays 200, a request in
 * flight (held on a row lock the test owns) still completes, new requests and handshakes are
 * turned away, connected sockets get `server:shutdown` and are disconnected, and the process exits
 * 0 after the relay and the SLA job stopped. With a grace period shorter than the request, the
 * process still exits 0, cutting that request.
 */
describe('resilience: graceful shutdown on SIGTERM', () => {
  let pg: PrivatePostgres;
  let orm: MikroORM;
  let f: TenantFixture;
  let auth: Record<string, string>;
  const apps: AppProcess[] = [];
  const figures: string[] = [];

  beforeAll(async () => {
    ensureBuiltApp();
    pg = await startPrivatePostgres('sigterm');
    orm = await openOrm(pg.url);
  }, 300_000);

  afterAll(async () => {
    for (const app of apps) await app.dispose();
    await orm?.close(true);
    await pg?.destroy();
    process.stdout.write(`${figures.join('\n')}\n`);
  }, 60_000);

  /** Starts an app, creates a ticket, and sends a PUT on it that waits on a row lock held by `holder`. */
  async function slowRequest(graceMs: number) {
    const app = await startAppProcess(pg.url, { SHUTDOWN_GRACE_MS: String(graceMs), SLA_JOB_INTERVAL_MS: '1000' });
    apps.push(app);
    f ??= await createTenantFixture({ orm });
    auth = { authorization: `Bearer ${customToken(f.supervisor, f.tenant.id)}` };
    const ticket = await call(`${app.url}/api/v1/tickets`, { method: 'POST', headers: auth, body: { subject: 'held during shutdown' } });
    expect(ticket.status).toBe(201);
    const { id, version } = ticket.body as { id: string; version: number };
    const holder = new Client({ connectionString: pg.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select 1 from tickets where id = $1 for update', [id]);
    const inFlight = call(`${app.url}/api/v1/tickets/${id}`, { method: 'PUT', headers: auth, body: { subject: 'saved while shutting down', version }, timeoutMs: 60_000 });
    await eventually(async () => (await holder.query('select 1 from pg_locks where not granted')).rowCount! > 0, 'the PUT waits on the row lock', 30_000, 50);
    return { app, holder, inFlight };
  }

  it('drains: readiness 503, the request in flight completes, sockets are told to reconnect, exit 0', async () => {
    const { app, holder, inFlight } = await slowRequest(30_000);
    const socket = await connect(app.url, customToken(f.supervisor, f.tenant.id));
    const told = new Promise<unknown>((resolve) => socket.once('server:shutdown', resolve));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    let answer: Outcome | undefined;
    try {
      app.child.kill('SIGTERM');
      expect(await told).toEqual({ reason: 'server shutting down' });
      expect(await disconnected).toBe('io server disconnect');
      const ready = await call(`${app.url}/api/v1/health/ready`);
      const live = await call(`${app.url}/api/v1/health/live`);
      const fresh = await call(`${app.url}/api/v1/tickets`, { headers: auth });
      const handshake = await refusal(app.url, { auth: { token: customToken(f.supervisor, f.tenant.id) } });
      expect(ready.status).toBe(503);
      expect(ready.contentType).toContain('application/problem+json');
      expect(ready.body).toMatchObject({ status: 503, checks: { shutdown: { status: 'down' } } });
      expect(live.status).toBe(200);
      expect(fresh.status).toBe(503);
      expect(fresh.headers?.['retry-after']).toBe('1');
      expect(handshake).toBe('unavailable: server shutting down, connect again');
      // still waiting for the request in flight
      expect(app.child.exitCode).toBeNull();
      await holder.query('commit');
      answer = await inFlight;
    } finally {
      await holder.end();
      socket.close();
    }
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ subject: 'saved while shutting down' });
    const exit = await app.waitForExit(30_000);
    const out = app.output();
    figures.push(`graceful shutdown: readiness 503 while draining, liveness 200, new request 503, socket told (server:shutdown) and disconnected, request in flight answered ${answer.status}, exit code ${exit.code}`);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(out).toMatch(/SIGTERM received\n[\s\S]*Draining: readiness is off, sockets were told to reconnect, 1 request\(s\) in flight\n[\s\S]*Stopping HTTP …\n[\s\S]*Stopped\.\n$/);
    // nothing failed on the way out (relay, SLA job, pool): no error-level log line
    expect(out.split('\n').filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
    // its LISTEN connection is gone with it
    expect(await orm.em.getConnection().execute("select 1 from pg_stat_activity where application_name = 'callpro-outbox-listener'")).toEqual([]);
  }, 180_000);

  it('bounds the wait by SHUTDOWN_GRACE_MS: a request that overruns it is cut and the process still exits 0', async () => {
    const { app, holder, inFlight } = await slowRequest(1_000);
    let answer: Outcome;
    try {
      app.child.kill('SIGTERM');
      answer = await inFlight;
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    const exit = await app.waitForExit(30_000);
    figures.push(`graceful shutdown, grace 1 s: overrunning request ${answer.status === 0 ? 'cut' : `answered ${answer.status}`}, exit code ${exit.code}`);
    expect(answer.status).toBe(0);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(app.output()).toMatch(/1 request\(s\) still running after 1000 ms: closing their connections/);
  }, 180_000);
});
