import type { MikroORM } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io-client';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../support/fixtures';
import { connect, customToken, Inbox } from '../support/sockets';
import { call, ensureBuiltApp, eventually, openOrm, redisUnavailable, startAppProcess, startPrivatePostgres, startPrivateRedis, type AppProcess, type Outcome, type PrivatePostgres, type PrivateRedis } from './harness';

/**
 * Redis killed under the built app started with REDIS_URL (test/e2e/realtime-redis-down covers an
 * app whose Redis is unreachable from the start, in-process). The documented fallback: events
 * still reach this instance's sockets (fan-out goes through PostgreSQL), REST keeps working (rate
 * limits count per instance meanwhile), logins are refused with 503 (their failure counters must
 * be shared, so the throttle fails closed), and all of it comes back with Redis.
 */
describe('resilience: Redis stopped under a running instance', () => {
  const skipped = redisUnavailable();
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let app: AppProcess;
  let orm: MikroORM;
  let f: TenantFixture;
  let auth: Record<string, string>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (skipped) return;
    ensureBuiltApp();
    pg = await startPrivatePostgres('redis');
    redis = await startPrivateRedis();
    app = await startAppProcess(pg.url, { REDIS_URL: redis.url, SLA_JOB_ENABLED: 'false' });
    orm = await openOrm(pg.url);
    f = await createTenantFixture({ orm });
    auth = { authorization: `Bearer ${customToken(f.supervisor, f.tenant.id)}` };
  }, 300_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await app?.dispose();
    await redis?.stop();
    await orm?.close(true);
    await pg?.destroy();
  }, 60_000);

  const login = () => call(`${app.url}/api/v1/auth/login`, { method: 'POST', body: { email: f.agent.email, password: TEST_PASSWORD } });
  const createTicket = async (subject: string) => {
    const res = await call(`${app.url}/api/v1/tickets`, { method: 'POST', headers: auth, body: { subject } });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };
  const open = async () => {
    const socket = await connect(app.url, customToken(f.supervisor, f.tenant.id));
    sockets.push(socket);
    return new Inbox(socket);
  };
  const received = (inbox: Inbox, ticketId: string) =>
    inbox.waitUntil(() => inbox.events.some((e) => e.name === 'ticket.created' && e.envelope.resourceId === ticketId), 15_000, `ticket.created for ${ticketId}`);

  it('keeps delivering events and serving REST, refuses logins with 503, and recovers with Redis', async () => {
    if (skipped) {
      process.stdout.write(`SKIPPED resilience Redis outage: ${skipped}\n`);
      return;
    }
    const inbox = await open();
    expect((await login()).status).toBe(200);
    await received(inbox, await createTicket('before Redis stops'));

    await redis.kill();
    const during: Outcome[] = [];
    const afterKill = await createTicket('while Redis is down');
    await received(inbox, afterKill);
    // a socket that connects while Redis is down is served as well
    const late = await open();
    const forLate = await createTicket('to a socket connected while Redis is down');
    await received(late, forLate);
    await received(inbox, forLate);
    for (let n = 0; n < 20; n++) during.push(await call(`${app.url}/api/v1/tickets?range=[0,9]`, { headers: auth }));
    const loginDown = await login();

    await redis.restart();
    await eventually(async () => (await login()).status === 200, 'logins work again', 30_000, 500);
    await received(inbox, await createTicket('after Redis is back'));

    const reads = during.map((o) => o.status);
    process.stdout.write(
      `redis outage: events delivered to 2 sockets while down, ${reads.filter((s) => s === 200).length}/${reads.length} REST reads 200 (5xx ${reads.filter((s) => s >= 500).length}), login ${loginDown.status} (fails closed), login 200 again after Redis restarted\n`,
    );
    expect(reads.every((s) => s === 200)).toBe(true);
    expect(loginDown.status).toBe(503);
    expect(loginDown.contentType).toContain('application/problem+json');
    expect(app.child.exitCode).toBeNull();
  }, 180_000);
});
