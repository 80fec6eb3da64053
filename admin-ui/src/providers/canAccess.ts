import { canAccess, type AppAbility } from '@callpro/permissions';

/** Resources that are not tenant data: a super admin can use them before choosing a tenant. */
export const TENANT_FREE_RESOURCES: ReadonlySet<string> = new Set(['tenants']);

export interface AccessContext {
  ability: AppAbility;
  /** The tenant the session acts in (null: a super admin who has not chosen one). */
  tenantId: string | null;
}

/**
 * react-admin's `authProvider.canAccess`, pure. A super admin's ability allows everything, but
 * without a chosen tenant every tenant-data request fails (400 tenant-required), so those
 * resources are refused until a tenant is chosen. Otherwise the shared rules decide.
 */
export function canAccessResource(ctx: AccessContext, params: { action: string; resource: string; record?: object }): boolean {
  if (ctx.tenantId === null && !TENANT_FREE_RESOURCES.has(params.resource)) return false;
  return canAccess(ctx.ability, params);
}
