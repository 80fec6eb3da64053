import { API_KEY_SCOPES, type ApiKeyScope, type Role } from '@callpro/contracts';
import type { Principal } from '../principal';
import { SUBJECTS, type SubjectName } from '../subjects';

/** Shared by the specs only (excluded from the build). */
export const NOW = new Date('2025-06-02T12:00:00.000Z');
export const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

export const SELF = 'user-self';
export const OTHER = 'user-other';
export const TENANT = 'tenant-own';
export const OTHER_TENANT = 'tenant-other';

const user = (role: Role): Principal => ({
  kind: 'user',
  userId: SELF,
  tenantId: TENANT,
  role,
});
const apiKey = (scopes: ApiKeyScope[]): Principal => ({
  kind: 'apiKey',
  keyId: 'key-1',
  tenantId: TENANT,
  scopes,
});

export const PRINCIPALS = {
  super_admin: user('super_admin'),
  org_admin: user('org_admin'),
  supervisor: user('supervisor'),
  agent: user('agent'),
  'apiKey[all scopes]': apiKey([...API_KEY_SCOPES]),
  'apiKey[tickets:read]': apiKey(['tickets:read']),
  'apiKey[]': apiKey([]),
} satisfies Record<string, Principal>;
export type Who = keyof typeof PRINCIPALS;

/** A record of each subject that meets every "own" condition: the principal's, fresh, in its tenant. */
export const OWN_RECORD: Record<SubjectName, Record<string, unknown>> = {
  ...byDefault({ id: 'own-row' }),
  Tenant: { id: TENANT },
  User: { id: SELF, role: 'agent' },
  Ticket: { id: 'ticket-1', assigneeId: SELF },
  TicketNote: { id: 'note-1', authorId: SELF, createdAt: minutesAgo(5) },
  CallLog: { id: 'call-1', agentId: SELF },
  Lead: { id: 'lead-1', ownerId: SELF },
  Analytics: { agentId: SELF },
  Notification: { id: 'notification-1', userId: SELF },
};

/** A record of each subject that meets none of them (and is a super admin, for User). */
export const FOREIGN_RECORD: Record<SubjectName, Record<string, unknown>> = {
  ...byDefault({ id: 'foreign-row' }),
  Tenant: { id: OTHER_TENANT },
  User: { id: OTHER, role: 'super_admin' },
  Ticket: { id: 'ticket-2', assigneeId: OTHER },
  TicketNote: { id: 'note-2', authorId: OTHER, createdAt: minutesAgo(60) },
  CallLog: { id: 'call-2', agentId: OTHER },
  Lead: { id: 'lead-2', ownerId: OTHER },
  Analytics: { agentId: OTHER },
  Notification: { id: 'notification-2', userId: OTHER },
};

function byDefault(record: Record<string, unknown>): Record<SubjectName, Record<string, unknown>> {
  return Object.fromEntries(SUBJECTS.map((s) => [s, record])) as Record<SubjectName, Record<string, unknown>>;
}
