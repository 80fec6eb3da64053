import { canAccessResource } from './canAccess';
import { sessionFromMe } from './session';
import { meFor, TENANT_ID, USER_ID } from './__tests__/me';
import type { Role } from '@callpro/contracts';

const ctx = (role: Role, tenantId: string | null = TENANT_ID) => {
  const { ability, tenant } = sessionFromMe(meFor(role, tenantId));
  return { ability, tenantId: tenant?.id ?? null };
};

describe('canAccessResource', () => {
  it('refuses tenant data to a super admin who has not chosen a tenant', () => {
    const superAdmin = ctx('super_admin', null);
    expect(canAccessResource(superAdmin, { action: 'list', resource: 'users' })).toBe(false);
    expect(canAccessResource(superAdmin, { action: 'list', resource: 'tickets' })).toBe(false);
    expect(canAccessResource(superAdmin, { action: 'list', resource: 'tenants' })).toBe(true);
    expect(canAccessResource(superAdmin, { action: 'create', resource: 'tenants' })).toBe(true);
  });

  it('allows tenant data once a super admin has chosen a tenant', () => {
    expect(canAccessResource(ctx('super_admin'), { action: 'create', resource: 'users' })).toBe(true);
  });

  it('otherwise lets the shared rules decide, record conditions included', () => {
    const admin = ctx('org_admin');
    expect(canAccessResource(admin, { action: 'edit', resource: 'tenants', record: { id: TENANT_ID } })).toBe(true);
    expect(canAccessResource(admin, { action: 'edit', resource: 'tenants', record: { id: 'another' } })).toBe(false);
    expect(canAccessResource(admin, { action: 'create', resource: 'tenants' })).toBe(false);
    const agent = ctx('agent');
    expect(canAccessResource(agent, { action: 'list', resource: 'users' })).toBe(true);
    expect(canAccessResource(agent, { action: 'create', resource: 'users' })).toBe(false);
    expect(canAccessResource(agent, { action: 'edit', resource: 'users', record: { id: USER_ID, role: 'agent' } })).toBe(true);
    expect(canAccessResource(agent, { action: 'edit', resource: 'users', record: { id: 'someone-else', role: 'agent' } })).toBe(false);
  });

  it('refuses unknown resources and actions', () => {
    expect(canAccessResource(ctx('super_admin'), { action: 'list', resource: 'nope' })).toBe(false);
    expect(canAccessResource(ctx('super_admin'), { action: 'fly', resource: 'users' })).toBe(false);
  });
});
