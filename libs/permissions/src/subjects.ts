import { subject as tagSubject, type ForcedSubject, type MongoAbility } from '@casl/ability';

/** Everything a permission can be about. Record field names used in conditions are listed in ability.ts. */
export const SUBJECTS = [
  'Tenant',
  'User',
  'SlaPolicy',
  'BusinessCalendar',
  'ApiKey',
  'Ticket',
  'TicketNote',
  'CallLog',
  'Lead',
  'Disposition',
  'Analytics',
  'Notification',
  'AuditEvent',
  'SlaEvent',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];
export type Subject = SubjectName | 'all';

/** `manage` is CASL's wildcard: any action. */
export const ACTIONS = ['manage', 'read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * A record tagged with its subject type (see `asSubject`), checked against rule conditions. One
 * member per subject so that CASL lets conditions name any field of it. `any`, not `unknown`:
 * entity classes and interfaces have no index signature.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SubjectRecord = { [N in SubjectName]: ForcedSubject<N> & Record<string, any> }[SubjectName];

export type AppAbility = MongoAbility<[Action, Subject | SubjectRecord]>;

/**
 * Tags `record` as a `type` so that conditions apply to it: `ability.can('update', asSubject('Ticket', row))`.
 * Uses CASL's `subject()` helper, which sets a hidden `__caslSubjectType__` property on `record` itself.
 */
export function asSubject<N extends SubjectName, T extends object>(type: N, record: T): T & ForcedSubject<N> {
  return tagSubject(type, record as T & Record<PropertyKey, unknown>);
}
