import type { EventEnvelope, EventName } from '@callpro/contracts';
import { memoryStorage } from '../providers/__tests__/fakeAuthServer';
import { createTokenStore, type TokenStore } from '../providers/tokenStore';
import { createRealtimeClient, openSocket, type RealtimeClient } from './realtimeClient';
import { startRealtimeServer, type RealtimeTestServer } from './__tests__/realtimeServer';

const envelope = (id: string, name: EventName = 'ticket.updated'): EventEnvelope => ({
  id,
  name,
  tenantId: 't-1',
  occurredAt: new Date().toISOString(),
  resourceId: 'r-1',
  subject: 'Ticket',
  payload: { assigneeId: null },
});

async function eventually(check: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createRealtimeClient (real socket.io server and client)', () => {
  let server: RealtimeTestServer;
  let client: RealtimeClient | undefined;
  let tokens: TokenStore;
  let clock: number;
  let serial: number;
  let refresh: jest.Mock<Promise<string>, []>;
  let events: EventEnvelope[];
  let resyncs: number;
  let ended: number;

  /** Logs in: the token store holds a pair, and the server accepts the access token. */
  const issue = (expiresIn = 900) => {
    serial += 1;
    const accessToken = `access-${serial}`;
    tokens.save({ accessToken, refreshToken: `refresh-${serial}`, expiresIn });
    server.accept(accessToken);
    return accessToken;
  };

  const startClient = () => {
    client = createRealtimeClient({
      open: openSocket(server.url),
      tokens,
      refresh,
      onEvent: (e) => events.push(e),
      onResync: () => (resyncs += 1),
      onSessionEnded: () => (ended += 1),
      tokenCheckMs: 20,
      renewBeforeMs: 30_000,
      retryMinMs: 10,
      retryMaxMs: 40,
      random: () => 0.5,
      log: { warn: () => undefined },
    });
    client.start();
    return client;
  };

  beforeEach(async () => {
    server = await startRealtimeServer();
    clock = 1_000_000;
    serial = 0;
    events = [];
    resyncs = 0;
    ended = 0;
    const session = memoryStorage();
    const local = memoryStorage();
    tokens = createTokenStore({ session: () => session, local: () => local }, () => clock);
    refresh = jest.fn(async () => issue());
  });

  afterEach(async () => {
    client?.stop();
    client = undefined;
    await server.close();
  });

  it('connects with the stored access token and passes on each catalogue event once', async () => {
    const token = issue();
    startClient();
    await eventually(() => client!.connected, 'connected');
    expect(server.handshakes).toEqual([token]);
    server.emit(envelope('e-1'));
    server.emit(envelope('e-1'));
    server.emit(envelope('e-2', 'notification.created'));
    await eventually(() => events.length === 2, 'two events');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events.map((e) => [e.id, e.name])).toEqual([
      ['e-1', 'ticket.updated'],
      ['e-2', 'notification.created'],
    ]);
    expect(refresh).not.toHaveBeenCalled();
    expect(resyncs).toBe(0);
  });

  it('refreshes before the handshake when the access token is about to expire', async () => {
    const stale = issue(20);
    startClient();
    await eventually(() => client!.connected, 'connected');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.handshakes).toEqual(['access-2']);
    expect(server.handshakes).not.toContain(stale);
  });

  it('on a refused handshake refreshes, reconnects with the new token and asks for a resync', async () => {
    const refused = issue();
    server.revoke(refused);
    startClient();
    await eventually(() => client!.connected, 'connected');
    expect(server.handshakes).toEqual([refused, 'access-2']);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(resyncs).toBe(1);
  });

  it('hands a token refreshed elsewhere (the HTTP client) to the server without reconnecting', async () => {
    issue();
    startClient();
    await eventually(() => client!.connected, 'connected');
    const newer = issue();
    await eventually(() => server.refreshes.includes(newer), 'auth:refresh with the newer token');
    expect(server.handshakes).toHaveLength(1);
    expect(refresh).not.toHaveBeenCalled();
    expect(resyncs).toBe(0);
  });

  it('renews the token itself before it expires and sends it with auth:refresh', async () => {
    issue(120);
    startClient();
    await eventually(() => client!.connected, 'connected');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(refresh).not.toHaveBeenCalled();
    clock += 95_000; // 25 s left, inside renewBeforeMs
    await eventually(() => server.refreshes.includes('access-2'), 'auth:refresh with the renewed token');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.handshakes).toHaveLength(1);
  });

  it('reconnects with a fresh token after the server ends the connection at expiry, then resyncs', async () => {
    const first = issue();
    startClient();
    await eventually(() => client!.connected, 'connected');
    server.revoke(first);
    server.expireAll();
    await eventually(() => resyncs === 1, 'resync after reconnect');
    expect(client!.connected).toBe(true);
    expect(server.handshakes).toEqual([first, 'access-2']);
    server.emit(envelope('after-reconnect'));
    await eventually(() => events.some((e) => e.id === 'after-reconnect'), 'event after reconnect');
  });

  it('reconnects when the server announces its shutdown, with the same token, then resyncs', async () => {
    const token = issue();
    startClient();
    await eventually(() => client!.connected, 'connected');
    server.shutdownAll();
    await eventually(() => resyncs === 1 && client!.connected, 'reconnected after server:shutdown');
    expect(server.handshakes).toEqual([token, token]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('leaves an instance that announced its shutdown even before the instance closes the socket', async () => {
    const token = issue();
    startClient();
    await eventually(() => client!.connected, 'connected');
    server.shutdownAll(true);
    await eventually(() => server.handshakes.length === 2 && client!.connected, 'a second handshake');
    expect(server.handshakes).toEqual([token, token]);
    expect(resyncs).toBe(1);
  });

  it('reconnects by itself after a network drop and resyncs', async () => {
    issue();
    startClient();
    await eventually(() => client!.connected, 'connected');
    server.dropTransports();
    await eventually(() => resyncs === 1 && client!.connected, 'reconnected', 5_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('stops and reports the end of the session when the refresh token is refused', async () => {
    const refused = issue();
    server.revoke(refused);
    refresh.mockImplementation(async () => {
      tokens.clear(); // what the shell's refresh does on a 401
      throw Object.assign(new Error('Unknown, expired, reused or revoked refresh token'), { status: 401 });
    });
    startClient();
    await eventually(() => ended === 1, 'session ended');
    const attempts = server.handshakes.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.handshakes.length).toBe(attempts);
    expect(client!.connected).toBe(false);
    expect(ended).toBe(1);
  });

  it('keeps retrying through a network failure of the refresh, with back-off', async () => {
    const refused = issue();
    server.revoke(refused);
    let failures = 0;
    refresh.mockImplementation(async () => {
      if (failures++ < 2) throw new TypeError('Failed to fetch');
      return issue();
    });
    startClient();
    await eventually(() => client!.connected, 'connected');
    expect(ended).toBe(0);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('disconnects on stop and does not come back', async () => {
    issue();
    startClient();
    await eventually(() => server.connectedCount() === 1, 'connected');
    client!.stop();
    await eventually(() => server.connectedCount() === 0, 'disconnected');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(server.connectedCount()).toBe(0);
    expect(server.handshakes).toHaveLength(1);
  });
});
