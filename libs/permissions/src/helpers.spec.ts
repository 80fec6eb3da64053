import { defineAbilityFor } from './ability';
import { RESOURCE_ACTION, RESOURCE_SUBJECT, canAccess, canCreateTickets, canViewAnalytics, isOrgAdmin, isSuperAdmin } from './helpers';
import { SUBJECTS } from './subjects';
import { NOW, OTHER, PRINCIPALS, SELF, TENANT, type Who } from './testing/fixtures';

const abilityOf = (who: Who) => defineAbilityFor(PRINCIPALS[who], NOW);

describe('role helpers', () => {
  it.each([
    ['super_admin', true, false],
    ['org_admin', false, true],
    ['supervisor', false, false],
    ['agent', false, false],
    ['apiKey[all scopes]', false, false],
  ] as const)('%s: isSuperAdmin %s, isOrgAdmin %s', (who, superAdmin, orgAdmin) => {
    expect(isSuperAdmin(PRINCIPALS[who])).toBe(superAdmin);
    expect(isOrgAdmin(PRINCIPALS[who])).toBe(orgAdmin);
  });

  it.each([
    ['super_admin', true, true],
    ['org_admin', true, true],
    ['supervisor', true, true],
    ['agent', false, true], // own figures only
    ['apiKey[all scopes]', true, true],
    ['apiKey[tickets:read]', false, false],
    ['apiKey[]', false, false],
  ] as const)('%s: canViewAnalytics %s, canCreateTickets %s', (who, analytics, createTickets) => {
    expect(canViewAnalytics(abilityOf(who))).toBe(analytics);
    expect(canCreateTickets(abilityOf(who))).toBe(createTickets);
  });

  it('canViewAnalytics honours a later unconditional cannot', () => {
    const ability = abilityOf('org_admin');
    ability.update([...ability.rules, { action: 'read', subject: 'Analytics', inverted: true }]);
    expect(canViewAnalytics(ability)).toBe(false);
  });
});

describe('canAccess (react-admin)', () => {
  it('maps every subject from exactly one resource', () => {
    expect(Object.values(RESOURCE_SUBJECT).sort()).toEqual([...SUBJECTS].sort());
  });

  it('maps react-admin actions', () => {
    expect(RESOURCE_ACTION).toEqual({ list: 'read', show: 'read', create: 'create', edit: 'update', delete: 'delete', export: 'read' });
  });

  it.each([
    ['agent', 'list', 'tickets', true],
    ['agent', 'create', 'tickets', true],
    ['agent', 'edit', 'tickets', true], // some tickets (own or unassigned)
    ['agent', 'delete', 'tickets', false],
    ['agent', 'list', 'call-logs', true], // own only, narrowed by the API
    ['agent', 'edit', 'call-logs', true], // own only (disposition, notes)
    ['agent', 'delete', 'call-logs', false],
    ['agent', 'export', 'leads', true],
    ['agent', 'edit', 'users', true], // own profile
    ['agent', 'create', 'users', false],
    ['agent', 'list', 'api-keys', false],
    ['agent', 'list', 'audit-events', false],
    ['agent', 'list', 'analytics', true],
    ['agent', 'edit', 'ticket-notes', true],
    ['agent', 'delete', 'ticket-notes', true],
    ['agent', 'list', 'sla-events', true],
    ['agent', 'edit', 'sla-policies', false],
    ['agent', 'show', 'business-calendars', true],
    ['agent', 'edit', 'dispositions', false],
    ['agent', 'list', 'notifications', true],
    ['agent', 'show', 'tenants', true],
    ['agent', 'edit', 'tenants', false],
    ['supervisor', 'list', 'api-keys', false],
    ['supervisor', 'list', 'audit-events', true],
    ['supervisor', 'delete', 'tickets', true],
    ['supervisor', 'edit', 'users', false],
    ['supervisor', 'edit', 'dispositions', false],
    ['org_admin', 'create', 'api-keys', true],
    ['org_admin', 'create', 'users', true],
    ['org_admin', 'edit', 'tenants', true],
    ['org_admin', 'create', 'tenants', false],
    ['org_admin', 'delete', 'sla-events', false],
    ['org_admin', 'edit', 'business-calendars', true],
    ['super_admin', 'create', 'tenants', true],
    ['super_admin', 'delete', 'audit-events', true],
    ['apiKey[tickets:read]', 'list', 'tickets', true],
    ['apiKey[tickets:read]', 'create', 'tickets', false],
    ['super_admin', 'list', 'no-such-resource', false],
    ['super_admin', 'clone', 'tickets', false],
    ['super_admin', 'list', 'constructor', false],
    ['super_admin', 'toString', 'tickets', false],
  ] as const)('%s %s %s → %s', (who, action, resource, expected) => {
    expect(canAccess(abilityOf(who), { action, resource })).toBe(expected);
  });

  it('applies conditions when given a record, without tagging the caller\'s object', () => {
    const ability = abilityOf('agent');
    const mine = { id: 't1', assigneeId: SELF };
    const theirs = { id: 't2', assigneeId: OTHER };
    expect(canAccess(ability, { action: 'edit', resource: 'tickets', record: mine })).toBe(true);
    expect(canAccess(ability, { action: 'edit', resource: 'tickets', record: theirs })).toBe(false);
    expect(canAccess(ability, { action: 'show', resource: 'call-logs', record: { agentId: OTHER } })).toBe(false);
    expect(canAccess(ability, { action: 'edit', resource: 'call-logs', record: { agentId: SELF } })).toBe(true);
    expect(canAccess(ability, { action: 'edit', resource: 'call-logs', record: { agentId: OTHER } })).toBe(false);
    expect(canAccess(ability, { action: 'show', resource: 'tenants', record: { id: TENANT } })).toBe(true);
    expect(Object.getOwnPropertyNames(mine)).toEqual(['id', 'assigneeId']);
    // The same object can be checked as another resource afterwards.
    expect(canAccess(ability, { action: 'show', resource: 'leads', record: mine })).toBe(true);
  });
});
