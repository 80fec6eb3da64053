import { Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { SOCKET_PATH, tenantRoom, userRoom, type AuthRefreshAck, type EventEnvelope } from '@callpro/contracts';
import { AppConfig } from '../config/app-config.service';
import { Draining } from '../health/draining.service';
import { SocketAuthError, SocketAuthService } from './socket-auth.service';
import { forClient, mayReceive, roomsFor } from './event-delivery';
import { useRedisAdapter } from './redis-adapter';
import type { AppServer, AppSocket, SocketSession } from './socket-session';

/** How often connected sessions are checked again (deactivated users lose their sockets). */
const SESSION_RECHECK_MS = 15_000;

/** Query-string names under which clients might put a token; refused so that tokens stay out of access logs. */
const QUERY_TOKEN_NAMES = ['token', 'access_token', 'accessToken'];

function roomsOf(session: SocketSession): string[] {
  const { principal } = session;
  // super admins outside a tenant get only what names them
  return principal.tenantId ? [tenantRoom(principal.tenantId), userRoom(principal.userId)] : [userRoom(principal.userId)];
}

/**
 * Socket.IO on the app's HTTP port. A socket authenticates at handshake with its access token in
 * `auth.token`, joins `tenant:<id>` and `user:<id>` (clients cannot join rooms themselves), and is
 * disconnected when its token expires unless it sends `auth:refresh` with a newer one.
 *
 * Events reach this instance through the outbox (OutboxDispatcher → `deliver`), each socket
 * filtered by its own ability. Cross-instance fan-out goes through PostgreSQL (see
 * outbox.relay.ts), not through Redis: with REDIS_URL set the Redis adapter makes plain room
 * operations cluster-wide, but the per-socket ability filter always runs on the instance that holds
 * the socket, with the ability it built at handshake.
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class RealtimeGateway
  implements OnGatewayInit<AppServer>, OnGatewayConnection<AppSocket>, OnGatewayDisconnect<AppSocket>, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly log = new Logger(RealtimeGateway.name);
  @WebSocketServer() private server?: AppServer;
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private recheckTimer?: NodeJS.Timeout;
  private closeRedis?: () => Promise<void>;

  constructor(
    private readonly auth: SocketAuthService,
    private readonly config: AppConfig,
    private readonly draining: Draining,
  ) {}

  afterInit(server: AppServer): void {
    const redisUrl = this.config.get('REDIS_URL');
    if (redisUrl) this.closeRedis = useRedisAdapter(server, redisUrl, this.log);
    server.use((socket, next) => {
      this.handshake(socket).then(
        () => next(),
        (error: unknown) => next(this.handshakeError(error)),
      );
    });
    this.recheckTimer = setInterval(() => void this.recheckSessions(), SESSION_RECHECK_MS);
    this.recheckTimer.unref();
    this.draining.onBegin(() => this.announceShutdown());
  }

  handleConnection(socket: AppSocket): void {
    this.scheduleExpiry(socket);
  }

  handleDisconnect(socket: AppSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
  }

  /** Swaps in a newer access token of the same user; the socket then lives until the new expiry. */
  @SubscribeMessage('auth:refresh')
  async refresh(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<AuthRefreshAck> {
    let session: SocketSession;
    try {
      session = await this.auth.authenticate((body as { token?: unknown } | undefined)?.token);
    } catch (error) {
      return { ok: false, error: this.handshakeError(error).message };
    }
    if (session.principal.userId !== socket.data.principal.userId) {
      return { ok: false, error: 'unauthorized: token belongs to another user' };
    }
    for (const room of roomsOf(socket.data)) void socket.leave(room);
    socket.data = session;
    void socket.join(roomsOf(session));
    this.scheduleExpiry(socket);
    return { ok: true, exp: session.claims.exp };
  }

  /** Whether any socket is connected to this instance (nothing to load for events otherwise). */
  hasLocalClients(): boolean {
    return (this.server?.sockets.sockets.size ?? 0) > 0;
  }

  /**
   * Emits each envelope, in order, to this instance's sockets in its rooms that may read it.
   * Returns the number of emits.
   */
  deliver(envelopes: EventEnvelope[]): number {
    const nsp = this.server?.sockets;
    if (!nsp) return 0;
    let sent = 0;
    for (const envelope of envelopes) {
      const ids = new Set<string>();
      for (const room of roomsFor(envelope)) for (const id of nsp.adapter.rooms.get(room) ?? []) ids.add(id);
      const visible = forClient(envelope);
      for (const id of ids) {
        const socket = nsp.sockets.get(id);
        if (socket && mayReceive(socket.data, envelope)) {
          socket.emit(envelope.name, visible);
          sent++;
        }
      }
    }
    return sent;
  }

  /** Disconnects this instance's sockets whose session is no longer current; returns how many. */
  async recheckSessions(): Promise<number> {
    let ended = 0;
    for (const socket of this.server?.sockets.sockets.values() ?? []) {
      try {
        if (await this.auth.isCurrent(socket.data)) continue;
      } catch (error) {
        this.log.warn(`Session recheck failed: ${(error as Error).message}`);
        return ended;
      }
      this.end(socket, 'session revoked');
      ended++;
    }
    return ended;
  }

  /**
   * Tells every socket of this instance to reconnect (`server:shutdown`), then disconnects it. A
   * server-side disconnect is not retried by Socket.IO clients on their own: the event says that
   * this one should be. Returns how many sockets were told.
   */
  announceShutdown(): number {
    let told = 0;
    for (const socket of this.server?.sockets.sockets.values() ?? []) {
      socket.emit('server:shutdown', { reason: 'server shutting down' });
      socket.disconnect(true);
      told++;
    }
    return told;
  }

  beforeApplicationShutdown(): void {
    this.announceShutdown();
    clearInterval(this.recheckTimer);
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
    this.expiryTimers.clear();
  }

  /** After Nest has closed the Socket.IO server (and with it the adapter's subscriptions). */
  async onApplicationShutdown(): Promise<void> {
    await this.closeRedis?.();
  }

  private async handshake(socket: AppSocket): Promise<void> {
    if (this.draining.active) throw new SocketAuthError('unavailable', 'shutting_down', 'server shutting down, connect again');
    this.auth.assertOrigin(socket.handshake.headers.origin, socket.handshake.headers.host);
    if (QUERY_TOKEN_NAMES.some((name) => name in socket.handshake.query)) {
      throw new SocketAuthError('unauthorized', 'token_in_query', 'send the token in auth.token, not in the query string');
    }
    const session = await this.auth.authenticate((socket.handshake.auth as { token?: unknown }).token);
    socket.data = session;
    // joined here rather than on 'connection' so that the rooms are set before the client sees 'connect'
    await socket.join(roomsOf(session));
  }

  private handshakeError(error: unknown): Error {
    if (error instanceof SocketAuthError) return error;
    this.log.error(`Socket authentication failed: ${(error as Error).message}`);
    return Object.assign(new Error('unavailable: try again later'), { data: { code: 'unavailable' } });
  }

  private scheduleExpiry(socket: AppSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    const ms = Math.max(0, socket.data.claims.exp * 1000 - Date.now());
    this.expiryTimers.set(
      socket.id,
      setTimeout(() => this.end(socket, 'token expired'), ms),
    );
  }

  private end(socket: AppSocket, reason: string): void {
    socket.emit('auth:expired', { reason });
    socket.disconnect(true);
  }
}
