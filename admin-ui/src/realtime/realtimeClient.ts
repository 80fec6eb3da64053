import { io, type Socket } from 'socket.io-client';
import {
  EVENT_NAMES,
  SOCKET_PATH,
  type AuthRefreshAck,
  type ClientToServerEvents,
  type EventEnvelope,
  type ServerToClientEvents,
} from '@callpro/contracts';
import type { TokenStore } from '../providers/tokenStore';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** Socket.IO calls this before every (re)connection attempt for the handshake's `auth`. */
export type HandshakeAuth = (send: (auth: { token: string }) => void) => void;
/** Creates a socket that is not connected yet. */
export type OpenSocket = (auth: HandshakeAuth) => RealtimeSocket;

/** The app's own origin (no url) or `url`, websocket only, connecting when told to, never shared. */
export const openSocket =
  (url?: string): OpenSocket =>
  (auth) => {
    const options = { path: SOCKET_PATH, transports: ['websocket'], auth, autoConnect: false, forceNew: true };
    return url ? io(url, options) : io(options);
  };

export interface RealtimeClientDeps {
  open: OpenSocket;
  tokens: Pick<TokenStore, 'accessToken' | 'refreshToken' | 'accessTokenExpired'>;
  /** The shell's single-flight refresh: rotates the token pair, resolves to the new access token. */
  refresh(): Promise<string>;
  /** Each catalogue event, once (delivery is at least once: repeated ids are dropped). */
  onEvent(envelope: EventEnvelope): void;
  /** Connected again after a gap (a drop, a refused handshake): events may have been missed. */
  onResync?(): void;
  /** The refresh token was refused: the login is over. Called once; the client has stopped. */
  onSessionEnded?(): void;
  /** How often the access token is compared with the one the server holds. */
  tokenCheckMs?: number;
  /** Renew the access token this long before it expires (the server disconnects at expiry). */
  renewBeforeMs?: number;
  /** Back-off for reconnecting after the server refused or ended the connection. */
  retryMinMs?: number;
  retryMaxMs?: number;
  random?: () => number;
  log?: Pick<Console, 'warn'>;
}

export interface RealtimeClient {
  start(): void;
  stop(): void;
  readonly connected: boolean;
}

/** How many event ids are remembered to drop repeats. */
const SEEN_IDS = 500;
const ACK_TIMEOUT_MS = 10_000;

/**
 * The admin UI's one Socket.IO connection. Every handshake carries a fresh access token (refreshed
 * first when it is about to expire); while connected, a newer token, whether the HTTP client
 * refreshed it or this client did before expiry, is handed to the server with `auth:refresh` so
 * that the connection outlives each token. Network drops are retried by Socket.IO itself; a refused
 * handshake or a server-side disconnect is retried here with back-off, after a forced refresh when
 * the server said the token was the problem. `server:shutdown` (an instance stopping) reconnects at
 * once, with the first back-off step.
 */
export function createRealtimeClient(deps: RealtimeClientDeps): RealtimeClient {
  const {
    open,
    tokens,
    refresh,
    tokenCheckMs = 5_000,
    renewBeforeMs = 30_000,
    retryMinMs = 1_000,
    retryMaxMs = 30_000,
    random = Math.random,
    log = console,
  } = deps;

  let socket: RealtimeSocket | null = null;
  let running = false;
  /** The token the server holds for this socket (sent at handshake or accepted by auth:refresh). */
  let serverToken: string | null = null;
  let forceRefresh = false;
  let missedPossible = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let checkTimer: ReturnType<typeof setInterval> | undefined;
  let renewing = false;
  const seen = new Set<string>();

  const sessionEnded = () => {
    if (!running) return;
    stop();
    deps.onSessionEnded?.();
  };

  /** A refused refresh token clears the store: nothing will bring the session back. */
  const failedRefresh = (error: unknown) => {
    if (tokens.refreshToken === null) sessionEnded();
    else log.warn(`Real-time: could not refresh the access token (${(error as Error).message})`);
  };

  const freshToken = async (): Promise<string> => {
    const current = tokens.accessToken;
    if (!forceRefresh && current && !tokens.accessTokenExpired(renewBeforeMs)) return current;
    const renewed = await refresh();
    forceRefresh = false;
    return renewed;
  };

  const auth: HandshakeAuth = (send) => {
    freshToken().then(
      (token) => {
        serverToken = token;
        send({ token });
      },
      (error: unknown) => {
        failedRefresh(error);
        // the server refuses it, and the refusal is retried with back-off
        send({ token: '' });
      },
    );
  };

  const retryLater = () => {
    if (!running) return;
    clearTimeout(retryTimer);
    const base = Math.min(retryMaxMs, retryMinMs * 2 ** attempt);
    attempt += 1;
    retryTimer = setTimeout(() => socket?.connect(), base / 2 + (base / 2) * random());
  };

  const renew = async () => {
    const current = socket;
    if (!current?.connected || renewing) return;
    renewing = true;
    try {
      const token = await freshToken();
      if (token === serverToken || socket !== current || !current.connected) return;
      const answer: AuthRefreshAck = await current.timeout(ACK_TIMEOUT_MS).emitWithAck('auth:refresh', { token });
      if (answer.ok) {
        serverToken = token;
        return;
      }
      // the server would not take it (another user's token after a login elsewhere): start over
      log.warn(`Real-time: token refresh refused (${answer.error}); reconnecting`);
      forceRefresh = true;
      current.disconnect();
      missedPossible = true;
      retryLater();
    } catch (error) {
      if ((error as Error).message === 'operation has timed out') return; // tried again on the next check
      failedRefresh(error);
    } finally {
      renewing = false;
    }
  };

  const listen = (s: RealtimeSocket) => {
    s.on('connect', () => {
      attempt = 0;
      if (missedPossible) deps.onResync?.();
      missedPossible = false;
    });
    s.on('connect_error', (error) => {
      missedPossible = true;
      // still active: a transport failure that Socket.IO retries by itself
      if (s.active) return;
      if (error.message.startsWith('forbidden')) {
        log.warn(`Real-time: connection refused for good (${error.message})`);
        return;
      }
      if (error.message.startsWith('unauthorized')) forceRefresh = true;
      retryLater();
    });
    s.on('auth:expired', () => {
      forceRefresh = true;
    });
    s.on('server:shutdown', () => {
      // the instance is going away: leave now and connect again (behind a load balancer, to another
      // instance) without waiting for its disconnect, and without the back-off of earlier failures
      missedPossible = true;
      attempt = 0;
      s.disconnect();
      retryLater();
    });
    s.on('disconnect', (reason) => {
      missedPossible = true;
      // other reasons (transport closed, ping timeout) are reconnected by Socket.IO itself
      if (reason === 'io server disconnect') retryLater();
    });
    const receive = (envelope: EventEnvelope) => {
      if (seen.has(envelope.id)) return;
      seen.add(envelope.id);
      if (seen.size > SEEN_IDS) seen.delete(seen.values().next().value as string);
      deps.onEvent(envelope);
    };
    // the catalogue's handlers are typed per name; one handler takes them all
    const on = s.on.bind(s) as (name: string, listener: (envelope: EventEnvelope) => void) => void;
    for (const name of EVENT_NAMES) on(name, receive);
  };

  function start() {
    if (running) return;
    running = true;
    attempt = 0;
    missedPossible = false;
    socket = open(auth);
    listen(socket);
    socket.connect();
    checkTimer = setInterval(() => void renew(), tokenCheckMs);
  }

  function stop() {
    if (!running) return;
    running = false;
    clearTimeout(retryTimer);
    clearInterval(checkTimer);
    const s = socket;
    socket = null;
    serverToken = null;
    s?.removeAllListeners();
    s?.disconnect();
  }

  return {
    start,
    stop,
    get connected() {
      return socket?.connected ?? false;
    },
  };
}
