import { io, type Socket } from 'socket.io-client';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope, EventName, EventPayloads } from '@callpro/contracts';
import { OutboxService } from '../../backend/src/outbox/outbox.service';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { TokenService } from '../../backend/src/auth/token.service';
import type { TestApp } from './app';
import type { StaffMember } from './fixtures';

/**
 * Starts the app's HTTP server on a free port (once) and returns its base URL. Call it before any
 * supertest request on the same app: supertest listens on an idle server itself.
 */
export async function listen(t: TestApp): Promise<string> {
  if (!t.server.address()) await t.app.listen(0, '127.0.0.1');
  const { port } = t.server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

/** An access token as login would issue it, minted directly. */
export function accessToken(t: TestApp, member: StaffMember, tenantId: string | null): string {
  return t.app.get(TokenService).signAccess({ sub: member.id, tid: tenantId, role: member.role, ver: 0 });
}

/** A token signed like the app's but with chosen claims/options (short expiry, other audience, other secret). */
export function customToken(
  member: StaffMember,
  tenantId: string | null,
  options: { expiresIn?: number; audience?: string; secret?: string; typ?: string } = {},
): string {
  return new JwtService().sign(
    { sub: member.id, tid: tenantId, role: member.role, ver: 0, typ: options.typ ?? 'access' },
    {
      secret: options.secret ?? process.env.JWT_SECRET!,
      algorithm: 'HS256',
      issuer: process.env.JWT_ISSUER ?? 'callpro',
      audience: options.audience ?? process.env.JWT_AUDIENCE ?? 'callpro-api',
      expiresIn: options.expiresIn ?? 600,
    },
  );
}

export interface ClientOptions {
  auth?: Record<string, unknown>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

function open(url: string, options: ClientOptions): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: options.auth ?? {},
    query: options.query,
    extraHeaders: options.headers,
  });
}

/** Connects, or rejects with the server's connect_error message. */
export function connect(url: string, token: string, options: Omit<ClientOptions, 'auth'> = {}): Promise<Socket> {
  const socket = open(url, { ...options, auth: { token } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Expects the handshake to be refused; resolves with the connect_error message. */
export async function refusal(url: string, options: ClientOptions): Promise<string> {
  const socket = open(url, options);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('connected, but a refusal was expected'));
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

/** Records every event a socket receives, with the time it arrived. */
export class Inbox {
  readonly events: { name: string; envelope: EventEnvelope; at: number }[] = [];
  private waiters: (() => void)[] = [];

  constructor(readonly socket: Socket) {
    socket.onAny((name: string, envelope: EventEnvelope) => {
      this.events.push({ name, envelope, at: performance.now() });
      for (const w of this.waiters) w();
    });
  }

  ids(): string[] {
    return this.events.map((e) => e.envelope?.id);
  }

  count(id: string): number {
    return this.events.filter((e) => e.envelope?.id === id).length;
  }

  /** Resolves once `predicate` holds for what has arrived, or rejects after `timeoutMs`. */
  waitUntil(predicate: () => boolean, timeoutMs = 5_000, what = 'events'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.events.map((e) => e.name))}`));
      }, timeoutMs);
      this.waiters.push(check);
    });
  }

  waitFor(id: string, timeoutMs = 5_000): Promise<void> {
    return this.waitUntil(() => this.count(id) > 0, timeoutMs, `event ${id}`);
  }
}

export interface TestEvent<N extends EventName = EventName> {
  name: N;
  subject: string;
  resourceId: string;
  payload: EventPayloads[N];
  userIds?: string[];
}

/** Publishes events through the app's OutboxService in one committed transaction; returns their ids. */
export async function publish(t: TestApp, tenantId: string, events: TestEvent[]): Promise<string[]> {
  const outbox = t.app.get(OutboxService);
  return forkForTenant(t.orm.em as EntityManager, tenantId).transactional(async (em) => events.map((e) => outbox.publish(em, e).id));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
