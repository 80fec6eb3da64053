import type { Role } from '@callpro/contracts';
import { sessionFromMe } from '../providers/session';
import { meFor, TENANT_ID } from '../providers/__tests__/me';
import { menuEntries } from './menuEntries';

const RESOURCES = ['users', 'tenants'];
const ANALYTICS = { kind: 'page', to: '/crm/analytics', label: 'CRM Analytics' };
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
      ANALYTICS,
    ]);
  });

  it('shows an org admin Users and their own organisation settings, not the tenants list', () => {
    expect(entriesFor('org_admin')).toEqual([
      { kind: 'resource', resource: 'users' },
      ANALYTICS,
      { kind: 'organisation', to: `/tenants/${TENANT_ID}`, label: 'Organisation settings' },
    ]);
  });

  it.each(['supervisor', 'agent'] as const)('shows a %s no Users (an admin screen) and no settings, though they can read users', (role) => {
    const { ability } = sessionFromMe(meFor(role));
    expect(ability.can('read', 'User')).toBe(true);
    expect(entriesFor(role).filter((e) => e.kind !== 'page')).toEqual([]);
  });

  it('lists only registered resources, in their order', () => {
    expect(entriesFor('agent', TENANT_ID, ['tickets', 'leads', 'api-keys'])).toEqual([
      { kind: 'resource', resource: 'tickets' },
      { kind: 'resource', resource: 'leads' },
    ]);
    expect(entriesFor('org_admin', TENANT_ID, ['users'])).toEqual([{ kind: 'resource', resource: 'users' }, ANALYTICS]);
  });

  it('lists Notifications after the work resources, whatever the registration order, and not without a tenant', () => {
    expect(entriesFor('agent', TENANT_ID, ['notifications', 'tickets', 'leads'])).toEqual([
      { kind: 'resource', resource: 'tickets' },
      { kind: 'resource', resource: 'leads' },
      { kind: 'resource', resource: 'notifications' },
    ]);
    expect(entriesFor('org_admin', TENANT_ID, ['users', 'notifications', 'tenants']).map((e) => (e.kind === 'resource' ? e.resource : e.label))).toEqual([
      'users',
      'CRM Analytics',
      'notifications',
      'Organisation settings',
    ]);
    expect(entriesFor('super_admin', null, ['tenants', 'notifications'])).toEqual([{ kind: 'resource', resource: 'tenants' }]);
  });

  it('lists CRM Analytics for who sees team-wide analytics (canViewAnalytics), after the work resources, before Notifications', () => {
    expect(entriesFor('supervisor', TENANT_ID, ['tickets', 'notifications'])).toEqual([{ kind: 'resource', resource: 'tickets' }, ANALYTICS, { kind: 'resource', resource: 'notifications' }]);
    expect(entriesFor('org_admin', TENANT_ID, [])).toEqual([ANALYTICS]);
  });

  it('does not list CRM Analytics for an agent (they read only their own figures), nor without a tenant', () => {
    const { ability } = sessionFromMe(meFor('agent'));
    expect(ability.can('read', 'Analytics')).toBe(true);
    expect(entriesFor('agent', TENANT_ID, ['tickets', 'notifications'])).not.toContainEqual(ANALYTICS);
    expect(entriesFor('super_admin', null, ['tenants'])).not.toContainEqual(ANALYTICS);
  });

  describe('SLA policies and business calendars', () => {
    const SLA = ['tickets', 'sla-policies', 'business-calendars'];
    const resourcesOf = (entries: ReturnType<typeof entriesFor>) => entries.flatMap((e) => (e.kind === 'resource' ? [e.resource] : []));

    it.each([
      ['org_admin', TENANT_ID],
      ['super_admin', TENANT_ID],
    ] as const)('lists both admin screens for a %s in a tenant', (role, tenantId) => {
      expect(resourcesOf(entriesFor(role, tenantId, SLA))).toEqual(SLA);
    });

    it.each(['supervisor', 'agent'] as const)('lists neither for a %s, who reads policies and calendars but does not manage them', (role) => {
      const { ability } = sessionFromMe(meFor(role));
      expect(ability.can('read', 'SlaPolicy') && ability.can('read', 'BusinessCalendar')).toBe(true);
      expect(resourcesOf(entriesFor(role, TENANT_ID, SLA))).toEqual(['tickets']);
    });

    it('lists neither for a super admin who has not chosen a tenant', () => {
      expect(resourcesOf(entriesFor('super_admin', null, SLA))).toEqual([]);
    });
  });
});
