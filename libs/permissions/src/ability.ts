import { AbilityBuilder, createMongoAbility, type RawRuleOf } from '@casl/ability';
import type { ApiKeyScope, Role } from '@callpro/contracts';
import { conditionsMatcher } from './conditions';
import type { ApiKeyPrincipal, Principal, UserPrincipal } from './principal';
import type { AppAbility } from './subjects';

/** How long an agent may still edit or delete a note they wrote. */
export const NOTE_EDIT_WINDOW_MINUTES = 15;

type Builder = AbilityBuilder<AppAbility>;
type DefineRolePermissions = (p: UserPrincipal, builder: Builder, now: Date) => void;
type DefineScopePermissions = (builder: Builder) => void;

/** Every ability, built or unpacked, uses the same conditions matcher. */
export function createAppAbility(rules: RawRuleOf<AppAbility>[] = []): AppAbility {
  return createMongoAbility<AppAbility>(rules, { conditionsMatcher });
}

function ownNotifications(p: UserPrincipal, { can }: Builder): void {
  can(['read', 'update'], 'Notification', { userId: p.userId });
}

/**
 * DESIGN.md §3, one entry per role. Condition fields: Tenant.id, User.id/role, Ticket.assigneeId,
 * TicketNote.authorId/createdAt, CallLog.agentId, Lead.ownerId, Analytics.agentId,
 * Notification.userId. Tenant isolation is the database layer's job, so no condition names a tenant
 * except those on Tenant itself.
 */
const rolePermissions: Record<Role, DefineRolePermissions> = {
  super_admin(_p, { can }) {
    can('manage', 'all');
  },

  org_admin(p, builder) {
    const { can, cannot } = builder;
    can(['read', 'update'], 'Tenant', { id: p.tenantId });
    can('manage', 'User');
    // Checked against the stored row and against the row as it would be after the change.
    cannot(['create', 'update', 'delete'], 'User', { role: 'super_admin' });
    can('manage', ['SlaPolicy', 'BusinessCalendar', 'ApiKey', 'Disposition']);
    can('manage', ['Ticket', 'TicketNote', 'CallLog', 'Lead']);
    can('read', ['Analytics', 'AuditEvent', 'SlaEvent']);
    ownNotifications(p, builder);
  },

  supervisor(p, builder) {
    const { can } = builder;
    can('read', 'Tenant', { id: p.tenantId });
    can('read', ['User', 'SlaPolicy', 'BusinessCalendar', 'Disposition']);
    can('manage', ['Ticket', 'TicketNote', 'CallLog', 'Lead']);
    // call logs are the dialers' record of what happened: only admins remove one
    builder.cannot('delete', 'CallLog');
    can('read', ['Analytics', 'AuditEvent', 'SlaEvent']);
    ownNotifications(p, builder);
  },

  agent(p, builder, now) {
    const { can } = builder;
    const self = p.userId;
    can('read', 'Tenant', { id: p.tenantId });
    can('read', ['User', 'SlaPolicy', 'BusinessCalendar', 'Disposition', 'SlaEvent']);
    can('update', 'User', ['name', 'password', 'phone'], { id: self });
    can(['read', 'create'], 'Ticket');
    // Two rules rather than `$in: [self, null]`: SQL `IN (…, NULL)` never matches NULL.
    can('update', 'Ticket', { assigneeId: self });
    can('update', 'Ticket', { assigneeId: null });
    can(['read', 'create'], 'TicketNote');
    const editableSince = new Date(now.getTime() - NOTE_EDIT_WINDOW_MINUTES * 60_000);
    can(['update', 'delete'], 'TicketNote', { authorId: self, createdAt: { $gte: editableSince } });
    // update: dialers re-send a call (same externalId) to move it through its lifecycle
    can(['read', 'create', 'update'], 'CallLog', { agentId: self });
    can(['read', 'create'], 'Lead');
    can('update', 'Lead', { ownerId: self });
    can('read', 'Analytics', { agentId: self });
    ownNotifications(p, builder);
  },
};

/** What each API-key scope grants. A key has nothing else. */
const scopePermissions: Record<ApiKeyScope, DefineScopePermissions> = {
  'tickets:read': ({ can }) => can('read', ['Ticket', 'TicketNote']),
  'tickets:write': ({ can }) => {
    can(['create', 'update'], 'Ticket');
    can(['read', 'create'], 'TicketNote');
  },
  'calls:read': ({ can }) => can('read', 'CallLog'),
  'calls:write': ({ can }) => can(['create', 'update'], 'CallLog'),
  'leads:read': ({ can }) => can('read', 'Lead'),
  'leads:write': ({ can }) => can(['create', 'update'], 'Lead'),
  'analytics:read': ({ can }) => can('read', 'Analytics'),
};

function lookup<K extends string, V>(table: Record<K, V>, key: string, what: string): V {
  if (!Object.hasOwn(table, key)) throw new Error(`Unknown ${what} "${key}"`);
  return table[key as K];
}

function defineForUser(p: UserPrincipal, builder: Builder, now: Date): void {
  const define = lookup(rolePermissions, p.role, 'role');
  if (p.tenantId === null && p.role !== 'super_admin') throw new Error(`A ${p.role} principal needs a tenantId`);
  define(p, builder, now);
}

function defineForApiKey(p: ApiKeyPrincipal, builder: Builder): void {
  for (const scope of p.scopes) lookup(scopePermissions, scope, 'API key scope')(builder);
}

/**
 * The one ability builder: the backend's guards, services and query scoping and the admin UI all
 * decide with it. `now` anchors time-bound rules (an agent's note edit window).
 * Throws on an unknown role or scope, or on a tenant-less principal other than a super admin.
 */
export function defineAbilityFor(principal: Principal, now: Date = new Date()): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createAppAbility);
  if (principal.kind === 'user') defineForUser(principal, builder, now);
  else if (principal.kind === 'apiKey') defineForApiKey(principal, builder);
  else throw new Error(`Unknown principal kind "${(principal as { kind: unknown }).kind}"`);
  return builder.build();
}
