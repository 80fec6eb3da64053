import type { Role } from '@callpro/contracts';
import { sessionFromMe } from '../providers/session';
import { meFor, TENANT_ID } from '../providers/__tests__/me';
import { menuEntries } from './menuEntries';

const RESOURCES = ['users', 'tenants'];
const entriesFor = (role: Role, tenantId: string | null = TENANT_ID, resources = RESOURCES) => {
  const { ability, tenant } = sessionFromMe(meFor(role, tenantId));
  return menuEntries({ ability, tenantId: tenant?.id ?? null }, resources);
};

describe('menuEntries', () => {
  it('shows a super admin without a chosen tenant only Tenants', () => {
    expect(entriesFor('super_admin', null, ['users', 'tenants', 'tickets'])).toEqual([{ kind: 'resource', resource: 'tenants' }]);
  });

  it('shows a super admin with a chosen tenant its data and Tenants', () => {
    expect(entriesFor('super_admin', TENANT_ID, ['users', 'tenants', 'tickets'])).toEqual([
      { kind: 'resource', resource: 'users' },
      { kind: 'resource', resource: 'tenants' },
      { kind: 'resource', resource: 'tickets' },
    ]);
  });

  it('shows an org admin Users and their own organisation settings, not the tenants list', () => {
    expect(entriesFor('org_admin')).toEqual([
      { kind: 'resource', resource: 'users' },
      { kind: 'organisation', to: `/tenants/${TENANT_ID}`, label: 'Organisation settings' },
    ]);
  });

  it.each(['supervisor', 'agent'] as const)('shows a %s no Users (an admin screen) and no settings, though they can read users', (role) => {
    const { ability } = sessionFromMe(meFor(role));
    expect(ability.can('read', 'User')).toBe(true);
    expect(entriesFor(role)).toEqual([]);
  });

  it('lists only registered resources, in their order', () => {
    expect(entriesFor('agent', TENANT_ID, ['tickets', 'leads', 'api-keys'])).toEqual([
      { kind: 'resource', resource: 'tickets' },
      { kind: 'resource', resource: 'leads' },
    ]);
    expect(entriesFor('org_admin', TENANT_ID, ['users'])).toEqual([{ kind: 'resource', resource: 'users' }]);
  });

  it('lists Notifications after the work resources, whatever the registration order, and not without a tenant', () => {
    expect(entriesFor('agent', TENANT_ID, ['notifications', 'tickets', 'leads'])).toEqual([
      { kind: 'resource', resource: 'tickets' },
      { kind: 'resource', resource: 'leads' },
      { kind: 'resource', resource: 'notifications' },
    ]);
    expect(entriesFor('org_admin', TENANT_ID, ['users', 'notifications', 'tenants']).map((e) => (e.kind === 'resource' ? e.resource : e.label))).toEqual([
      'users',
      'notifications',
      'Organisation settings',
    ]);
    expect(entriesFor('super_admin', null, ['tenants', 'notifications'])).toEqual([{ kind: 'resource', resource: 'tenants' }]);
  });
});
