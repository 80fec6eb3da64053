import { asSubject, canViewAnalytics, type AppAbility } from '@callpro/permissions';
import { CRM_ANALYTICS_PATH } from '../crm-analytics/route';
import { canAccessResource, type AccessContext } from '../providers/canAccess';

export type MenuEntry =
  | { kind: 'resource'; resource: string }
  | { kind: 'organisation'; to: string; label: string }
  | { kind: 'page'; to: string; label: string };

/** Pages that are not resources (custom routes), listed after the work resources for who may use them, in a tenant. */
const CUSTOM_PAGES: { to: string; label: string; shown: (ability: AppAbility) => boolean }[] = [
  { to: CRM_ANALYTICS_PATH, label: 'CRM Analytics', shown: canViewAnalytics },
];

/**
 * Screens for administering a resource rather than working with it. Reading a resource is not
 * enough for these: everyone reads users (names of assignees, authors, owners), but the Users screen
 * is for managing staff, so it is listed for who may create users (org admins, super admins), not
 * for supervisors and agents. The tenants list is for who may create tenants (super admins); an org
 * admin gets "Organisation settings" for their own tenant instead.
 */
const ADMIN_SCREENS: Record<string, (ability: AppAbility) => boolean> = {
  users: (ability) => ability.can('create', 'User'),
  tenants: (ability) => ability.can('create', 'Tenant'),
  // everyone reads dispositions (the wrap-up picker); the settings screen is for who manages them
  dispositions: (ability) => ability.can('create', 'Disposition'),
  'api-keys': (ability) => ability.can('create', 'ApiKey'),
  // supervisors and agents read SLA policies and calendars (a ticket's due times), only admins manage them
  'sla-policies': (ability) => ability.can('create', 'SlaPolicy'),
  'business-calendars': (ability) => ability.can('create', 'BusinessCalendar'),
};

/** The user's own things rather than the organisation's work: listed after the work resources. */
const PERSONAL_SCREENS: ReadonlySet<string> = new Set(['notifications']);

function listed(ctx: AccessContext, resource: string): boolean {
  if (!canAccessResource(ctx, { action: 'list', resource })) return false;
  return Object.hasOwn(ADMIN_SCREENS, resource) ? ADMIN_SCREENS[resource](ctx.ability) : true;
}

/**
 * The sidebar, in the order `resources` are registered, then custom pages (CRM Analytics), then
 * personal screens such as Notifications, followed by the organisation's settings.
 */
export function menuEntries(ctx: AccessContext, resources: readonly string[]): MenuEntry[] {
  const ordered = [...resources.filter((r) => !PERSONAL_SCREENS.has(r)), ...resources.filter((r) => PERSONAL_SCREENS.has(r))];
  const { ability, tenantId } = ctx;
  const entries: MenuEntry[] = ordered.filter((r) => listed(ctx, r)).map((resource) => ({ kind: 'resource', resource }));
  const pages = tenantId === null ? [] : CUSTOM_PAGES.filter((p) => p.shown(ability));
  const firstPersonal = entries.findIndex((e) => e.kind === 'resource' && PERSONAL_SCREENS.has(e.resource));
  entries.splice(firstPersonal === -1 ? entries.length : firstPersonal, 0, ...pages.map(({ to, label }) => ({ kind: 'page' as const, to, label })));
  const ownTenantSettings =
    tenantId !== null &&
    resources.includes('tenants') &&
    !ability.can('create', 'Tenant') &&
    ability.can('update', asSubject('Tenant', { id: tenantId }));
  if (ownTenantSettings) entries.push({ kind: 'organisation', to: `/tenants/${tenantId}`, label: 'Organisation settings' });
  return entries;
}
