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
 * it opens (a request's, `em.transactional`, a flush's implicit one), in the same round trip
 * budget as the BEGIN: one statement, only when the EntityManager has a tenant.
 */
export class TenantSettingSubscriber implements EventSubscriber {
  async afterTransactionStart({ em, transaction }: TransactionEventArgs): Promise<void> {
    const tenantId = currentTenantId(em);
    if (tenantId) await em.getConnection().execute(SET_TENANT, [tenantId], 'all', transaction);
  }
}

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
  return forkForTenant(em, tenantId).transactional((tem) => fn(tem as E));
}
