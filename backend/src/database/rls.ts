import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { currentTenantId, forkForTenant, scopeToTenant } from './tenant.filter';

/**
 * The transaction-local setting the row-level security policies read (migration
 * row_level_security). Set with set_config(…, true): it ends with the transaction, so a pooled
 * connection never carries a tenant into the next one.
 */
export const TENANT_SETTING = 'app.tenant_id';
const SET_TENANT = `select set_config('${TENANT_SETTING}', ?, true)`;

/**
 * Puts the EntityManager's tenant into `app.tenant_id` at the start of every top-level transaction
 * it opens (a request's, `em.transactional`, a flush's implicit one): one statement, only when the
 * EntityManager has a tenant, and none when the BEGIN already set it (transactionalInTenant).
 */
export class TenantSettingSubscriber implements EventSubscriber {
  async afterTransactionStart({ em, transaction }: TransactionEventArgs): Promise<void> {
    const tenantId = currentTenantId(em);
    if (!tenantId) return;
    const atBegin = tenantAtBegin.getStore();
    if (atBegin?.state === 'sent' && atBegin.tenantId === tenantId) {
      // this is the transaction whose BEGIN carried the tenant; later ones in the context set their own
      atBegin.state = 'done';
      return;
    }
    await em.getConnection().execute(SET_TENANT, [tenantId], 'all', transaction);
  }
}

/** The tenant the next top-level BEGIN of this async context sends with it (once). */
interface TenantAtBegin {
  tenantId: string;
  state: 'pending' | 'sent' | 'done';
}
const tenantAtBegin = new AsyncLocalStorage<TenantAtBegin>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `em.transactional(fn)` for work in `tenantId`, with BEGIN and set_config in one round trip:
 * `BEGIN; SELECT set_config('app.tenant_id', '<uuid>', true)` as one simple-protocol query (the
 * uuid checked, then inlined: the simple protocol has no parameters). Every authenticated request
 * runs in such a transaction, so this is one round trip less per request. `em` must be scoped to
 * `tenantId`; if the BEGIN cannot carry it (not a uuid, an isolation level), the subscriber sets
 * it as before.
 */
export function transactionalInTenant<T, E extends EntityManager>(em: E, tenantId: string, fn: (em: E) => Promise<T>): Promise<T> {
  return tenantAtBegin.run({ tenantId, state: 'pending' }, () => em.transactional((tem) => fn(tem as E)));
}

/**
 * knex's PostgreSQL BEGIN, taught to carry the pending tenant of transactionalInTenant. knex has no
 * hook between acquiring the connection and sending BEGIN, so its transaction class's `begin` is
 * wrapped (knex 3.x, lib/dialects/postgres/execution/pg-transaction.js); everything else about the
 * BEGIN is knex's own. Checked by test/e2e/rls-begin.e2e-spec.ts.
 */
interface KnexPgTransaction {
  isolationLevel?: string;
  readOnly?: boolean;
  begin(conn: unknown): Promise<unknown>;
  query(conn: unknown, sql: string): Promise<unknown>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PgTransaction = require('knex/lib/dialects/postgres/execution/pg-transaction') as { prototype: KnexPgTransaction };
const knexBegin = PgTransaction.prototype.begin;
PgTransaction.prototype.begin = function begin(this: KnexPgTransaction, conn: unknown): Promise<unknown> {
  const atBegin = tenantAtBegin.getStore();
  if (!atBegin || atBegin.state !== 'pending' || this.isolationLevel || this.readOnly || !UUID.test(atBegin.tenantId)) return knexBegin.call(this, conn);
  atBegin.state = 'sent';
  return this.query(conn, `BEGIN; SELECT set_config('${TENANT_SETTING}', '${atBegin.tenantId}', true);`);
};

/**
 * Moves `em` to another tenant in the middle of its transaction (the SLA job going from one
 * tenant's tickets to the next, a new tenant's first admin): ORM filter and `app.tenant_id` together.
 */
export async function enterTenant<T extends EntityManager>(em: T, tenantId: string): Promise<T> {
  scopeToTenant(em, tenantId);
  if (em.isInTransaction()) await em.getConnection().execute(SET_TENANT, [tenantId], 'all', em.getTransactionContext());
  return em;
}

/** Background work in one tenant: a fresh EntityManager and one transaction with `app.tenant_id` set. */
export function inTenantTransaction<T, E extends EntityManager>(em: E, tenantId: string, fn: (em: E) => Promise<T>): Promise<T> {
  return transactionalInTenant(forkForTenant(em, tenantId), tenantId, fn);
}
