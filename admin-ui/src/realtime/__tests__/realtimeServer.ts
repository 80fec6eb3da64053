import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { SOCKET_PATH, type AuthRefreshAck, type EventEnvelope } from '@callpro/contracts';

/**
 * A real Socket.IO server on a free port with the gateway's handshake contract (backend
 * realtime.gateway.ts): tokens it has been told to accept pass, anything else is refused with
 * "unauthorized: …"; `auth:refresh` swaps in another accepted token. Lets the client's reconnect
 * logic run against the real socket.io-client without the whole backend.
 */
export async function startRealtimeServer() {
  const http = createServer();
  const io = new Server(http, { path: SOCKET_PATH, transports: ['websocket'] });
  const accepted = new Set<string>();
  const handshakes: string[] = [];
  const refreshes: string[] = [];

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: string }).token ?? '';
    handshakes.push(token);
    if (accepted.has(token)) next();
    else next(Object.assign(new Error(token ? 'unauthorized: token expired' : 'unauthorized: token missing (send it in auth.token)'), { data: { code: 'token_expired' } }));
  });
  io.on('connection', (socket) => {
    socket.on('auth:refresh', (body: { token?: string }, ack: (answer: AuthRefreshAck) => void) => {
      refreshes.push(body.token ?? '');
      ack(body.token && accepted.has(body.token) ? { ok: true, exp: 0 } : { ok: false, error: 'unauthorized: token expired' });
    });
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  const sockets = (): Socket[] => [...io.sockets.sockets.values()];

  return {
    url: `http://127.0.0.1:${port}`,
    handshakes,
    refreshes,
    accept: (token: string) => void accepted.add(token),
    revoke: (token: string) => void accepted.delete(token),
    connectedCount: () => sockets().length,
    /** Emits a catalogue event to every connected socket, as the gateway does. */
    emit: (envelope: EventEnvelope) => io.emit(envelope.name, envelope),
    /** Like the gateway at token expiry: announce, then disconnect server-side. */
    expireAll: () => {
      for (const s of sockets()) {
        s.emit('auth:expired', { reason: 'token expired' });
        s.disconnect(true);
      }
    },
    /** Like the gateway on SIGTERM: `server:shutdown` to every socket, then (unless `announceOnly`) a server-side disconnect. */
    shutdownAll: (announceOnly = false) => {
      for (const s of sockets()) {
        s.emit('server:shutdown', { reason: 'server shutting down' });
        if (!announceOnly) s.disconnect(true);
      }
    },
    /** Drops the transports without a Socket.IO disconnect, like a network failure. */
    dropTransports: () => {
      for (const s of sockets()) s.conn.close();
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

export type RealtimeTestServer = Awaited<ReturnType<typeof startRealtimeServer>>;
