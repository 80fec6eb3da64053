import net from 'node:net';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/app';

/** A local port nothing listens on. */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('realtime while Redis is unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // read when the app module is imported
    process.env.REDIS_URL = `redis://127.0.0.1:${await deadPort()}`;
    const { createTestApp } = await import('../support/app');
    t = await createTestApp();
  });

  it('still serves its own sockets, and closes cleanly', async () => {
    const { createTenantFixture } = await import('../support/fixtures');
    const { accessToken, connect, Inbox, listen, publish, sleep } = await import('../support/sockets');
    const f = await createTenantFixture(t);
    const socket = await connect(await listen(t), accessToken(t, f.supervisor, f.tenant.id));
    try {
      const inbox = new Inbox(socket);
      const [id] = await publish(t, f.tenant.id, [
        { name: 'ticket.created', subject: 'Ticket', resourceId: randomUUID(), payload: { assigneeId: null } },
      ]);
      await inbox.waitFor(id);
      // long enough for several failed reconnects: a client with a retry limit would reject the adapter's
      // queued subscribe, unhandled, which ends a Node process
      await sleep(1_500);
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
    // the adapter's queued Redis commands must not surface as unhandled rejections on close
    await t.close();
  });
});
