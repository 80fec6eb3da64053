import type { Dictionary, EntityManager } from '@mikro-orm/core';
import type { FilterDef } from '@mikro-orm/core/typings';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  tenantId: string;
}

/**
 * Global filter on every TenantOwnedEntity. It is on by default and has no default params, so a
 * tenant-owned query made without a tenant in context throws ("No arguments provided for filter
 * 'tenant'") instead of returning every tenant's rows. `enabled: false` exists for one test only
 * (CALLPRO_TEST_DISABLE_ORM_TENANT_FILTER), which proves that row-level security alone holds.
 */
export function tenantFilter(tenantOwnedEntityNames: string[], enabled = true): FilterDef {
  return {
    name: TENANT_FILTER,
    default: enabled,
    entity: tenantOwnedEntityNames,
    cond: (args: Dictionary) => ({ tenantId: args.tenantId }),
  };
}

export class MissingTenantError extends Error {
  constructor() {
    super('No tenant in context for a tenant-owned query');
    this.name = 'MissingTenantError';
  }
}

/** The tenant the given EntityManager is scoped to, or undefined. */
export function currentTenantId(em: EntityManager): string | undefined {
  const params = em.getFilterParams<TenantFilterParams>(TENANT_FILTER);
  return params?.tenantId;
}

/** Scopes an EntityManager (a request's, or a background fork) to one tenant. */
export function scopeToTenant<T extends EntityManager>(em: T, tenantId: string): T {
  em.setFilterParams(TENANT_FILTER, { tenantId });
  return em;
}

/**
 * A fresh EntityManager for background work in one tenant (jobs, relays, seeders). Every
 * transaction it opens sets `app.tenant_id` (TenantSettingSubscriber in rls.ts); as the app role,
 * reads outside a transaction see no tenant-owned rows, so prefer inTenantTransaction there.
 */
export function forkForTenant<T extends EntityManager>(em: T, tenantId: string): T {
  return scopeToTenant(em.fork({ clear: true }) as T, tenantId);
}
