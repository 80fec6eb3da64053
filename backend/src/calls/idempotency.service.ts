import { createHash } from 'node:crypto';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@callpro/permissions';
import { ProblemException, ValidationProblem } from '../common/errors/problem';
import { executeBound } from '../database/bound-sql';

export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_CHUNK = 10_000;

/** An answer as it was sent, to be replayed byte for byte (status and JSON body). */
export interface StoredResponse<T = unknown> {
  status: number;
  body: T;
}

export interface IdempotencyScope {
  tenantId: string;
  principal: string;
  key: string;
  requestHash: string;
}

/** JSON with object keys sorted, so that equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function principalKey(p: Principal): string {
  return p.kind === 'user' ? `user:${p.userId}` : `apiKey:${p.keyId}`;
}

/** A checked Idempotency-Key header value, or undefined when the request has none. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new ValidationProblem({ 'Idempotency-Key': 'Idempotency-Key must be 1 to 255 visible ASCII characters' }, 'Invalid Idempotency-Key header');
  }
  return value;
}

/**
 * `Idempotency-Key` (DESIGN.md §4): the first successful answer to a key is stored with the
 * change, in the same transaction, and replayed to the same principal of the same tenant for 24 h.
 * The same key with another request is a 422. Concurrent requests with one key queue on an
 * advisory lock, so the second one replays the first one's answer instead of doing the work again.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(IdempotencyService.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly orm: MikroORM) {}

  scope(principal: Principal, tenantId: string, key: string, route: string, body: unknown): IdempotencyScope {
    const requestHash = createHash('sha256').update(`${route}\n${canonicalJson(body)}`).digest('hex');
    return { tenantId, principal: principalKey(principal), key, requestHash };
  }

  /**
   * Inside the caller's transaction: waits for other requests with the same key, then returns the
   * stored answer if there is a live one (422 if it was for another request), else undefined.
   */
  async replay(em: EntityManager, s: IdempotencyScope): Promise<StoredResponse | undefined> {
    await em.execute(`select pg_advisory_xact_lock(hashtext('idempotency'), hashtext(?))`, [`${s.tenantId}|${s.principal}|${s.key}`]);
    const rows: { request_hash: string; status: number; response: unknown }[] = await em.execute(
      `select request_hash, status, response from idempotency_keys
        where tenant_id = ? and principal = ? and key = ? and created_at > now() - make_interval(hours => ?)`,
      [s.tenantId, s.principal, s.key, IDEMPOTENCY_TTL_HOURS],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].request_hash !== s.requestHash) {
      throw new ProblemException(422, 'unprocessable', 'This Idempotency-Key was used with a different request', {
        errors: { 'Idempotency-Key': 'already used with a different request' },
      });
    }
    return { status: rows[0].status, body: rows[0].response };
  }

  /** Stores the answer in the caller's transaction (replacing an expired one with the same key). */
  async save(em: EntityManager, s: IdempotencyScope, response: StoredResponse): Promise<void> {
    await executeBound(
      em,
      `insert into idempotency_keys (id, tenant_id, key, principal, request_hash, status, response, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?::jsonb, now(), now())
       on conflict (tenant_id, principal, key) do update
         set request_hash = excluded.request_hash, status = excluded.status, response = excluded.response,
             created_at = excluded.created_at, updated_at = excluded.updated_at`,
      [s.tenantId, s.key, s.principal, s.requestHash, response.status, JSON.stringify(response.body)],
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: Error) => this.log.warn(`Could not prune idempotency keys: ${error.message}`));
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes expired keys of every tenant (maintenance, not a tenant's request); returns how many. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      // across tenants, hence the SECURITY DEFINER function (row-level security)
      const [{ pruned }]: { pruned: number }[] = await this.orm.em.fork().execute('select idempotency_keys_prune(?, ?) as pruned', [IDEMPOTENCY_TTL_HOURS, PRUNE_CHUNK]);
      total += pruned;
      if (pruned < PRUNE_CHUNK) return total;
    }
  }
}
