import type { Role } from '@callpro/contracts';
import { defineAbilityFor, packAbilityRules } from '@callpro/permissions';
import type { MeResponse } from '../session';

export const TENANT_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_TENANT_ID = '22222222-2222-4222-8222-222222222222';
export const USER_ID = '33333333-3333-4333-8333-333333333333';

/** What GET /auth/me answers for a user of `role`; a super admin's tenant is the chosen one (or none). */
export function meFor(role: Role, tenantId: string | null = TENANT_ID): MeResponse {
  const homeTenant = role === 'super_admin' ? null : tenantId;
  const rules = packAbilityRules(defineAbilityFor({ kind: 'user', userId: USER_ID, tenantId, role }));
  return {
    user: { id: USER_ID, tenantId: homeTenant, name: `A ${role}`, email: `${role}@example.test`, phone: null, role, active: true },
    tenant: tenantId
      ? { id: tenantId, name: 'Acme Support', slug: 'acme', timezone: 'America/New_York', defaultCountry: 'US', active: true }
      : null,
    rules,
  };
}
