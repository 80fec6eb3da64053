import type { Socket } from 'socket.io-client';
import type { TestApp } from '../support/app';
import type { TenantFixture } from '../support/fixtures';
import { redisAnswers } from '../support/redis';

// the app reads REDIS_URL when its module is imported: set it first, import the app in beforeAll
process.env.REDIS_URL ||= 'redis://127.0.0.1:6379';
const REDIS_URL = process.env.REDIS_URL;


describe('realtime across two instances with REDIS_URL', () => {
  let available = false;
  let one: TestApp;
  let two: TestApp;
  let f: TenantFixture;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    available = await redisAnswers(REDIS_URL);
    if (!available) return;
    const { createTestApp } = await import('../support/app');
    const { createTenantFixture } = await import('../support/fixtures');
    [one, two] = [await createTestApp(), await createTestApp()];
    f = await createTenantFixture(one);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([one?.close(), two?.close()]);
  });

  it('delivers a change made through instance 1 to a socket on instance 2, exactly once', async () => {
    if (!available) {
      console.warn(`SKIPPED: no Redis at ${REDIS_URL} (set REDIS_URL to a reachable server to run this test)`);
      return;
    }
    const { RealtimeGateway } = await import('../../backend/src/realtime/realtime.gateway');
    const { NotificationsService } = await import('../../backend/src/notifications/notifications.service');
    const { forkForTenant } = await import('../../backend/src/database/tenant.filter');
    const { accessToken, connect, Inbox, listen, sleep } = await import('../support/sockets');

    const socket = await connect(await listen(two), accessToken(two, f.agent, f.tenant.id));
    sockets.push(socket);
    const inbox = new Inbox(socket);

    // both instances are on the Redis adapter: instance 1 sees instance 2's socket in the agent's room
    const server = (one.app.get(RealtimeGateway) as unknown as { server: import('socket.io').Server }).server;
    expect(server.of('/').adapter.constructor.name).toBe('RedisAdapter');
    const remote = await server.in(`user:${f.agent.id}`).fetchSockets();
    expect(remote.map((s) => s.id)).toEqual([socket.id]);

    const notifications = one.app.get(NotificationsService);
    const [notification] = await forkForTenant(one.orm.em, f.tenant.id).transactional(async (em) =>
      notifications.notify(em, [f.agent.id], { type: 'ticket.assigned', title: 'Ticket #1001 assigned to you' }),
    );
    await inbox.waitUntil(() => inbox.events.length > 0);
    await sleep(1_000);
    expect(inbox.events.map((e) => [e.name, e.envelope.resourceId])).toEqual([['notification.created', notification.id]]);
  });
});
