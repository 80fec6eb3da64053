import type { Principal } from './principal';
import { asSubject, type Action, type AppAbility, type SubjectName } from './subjects';

export function isSuperAdmin(p: Principal): boolean {
  return p.kind === 'user' && p.role === 'super_admin';
}

export function isOrgAdmin(p: Principal): boolean {
  return p.kind === 'user' && p.role === 'org_admin';
}

/**
 * Team-wide analytics (org admin, supervisor, super admin, `analytics:read` keys): an unconditional
 * read rule decides. An agent's read is limited to their own figures and does not count.
 */
export function canViewAnalytics(ability: AppAbility): boolean {
  const decisive = ability.rulesFor('read', 'Analytics').find((rule) => !rule.conditions);
  return decisive !== undefined && !decisive.inverted;
}

export function canCreateTickets(ability: AppAbility): boolean {
  return ability.can('create', 'Ticket');
}

/** react-admin resource name → subject. */
export const RESOURCE_SUBJECT = {
  tenants: 'Tenant',
  users: 'User',
  tickets: 'Ticket',
  'ticket-notes': 'TicketNote',
  'call-logs': 'CallLog',
  leads: 'Lead',
  dispositions: 'Disposition',
  'sla-policies': 'SlaPolicy',
  'business-calendars': 'BusinessCalendar',
  'sla-events': 'SlaEvent',
  notifications: 'Notification',
  'api-keys': 'ApiKey',
  'audit-events': 'AuditEvent',
  analytics: 'Analytics',
} as const satisfies Record<string, SubjectName>;
export type Resource = keyof typeof RESOURCE_SUBJECT;

/** react-admin action → action. */
export const RESOURCE_ACTION = {
  list: 'read',
  show: 'read',
  create: 'create',
  edit: 'update',
  delete: 'delete',
  export: 'read',
} as const satisfies Record<string, Action>;
export type ResourceAction = keyof typeof RESOURCE_ACTION;

function entry<V>(table: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * react-admin's `authProvider.canAccess`, pure. Unknown resources and actions are refused. With a
 * `record` (a copy is tagged, the caller's object is left alone) conditions apply, without one the
 * answer is "for some record".
 */
export function canAccess(ability: AppAbility, params: { action: string; resource: string; record?: object }): boolean {
  const subject = entry<SubjectName>(RESOURCE_SUBJECT, params.resource);
  const action = entry<Action>(RESOURCE_ACTION, params.action);
  if (!subject || !action) return false;
  return params.record ? ability.can(action, asSubject(subject, { ...params.record })) : ability.can(action, subject);
}
