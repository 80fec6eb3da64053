import { asSubject, canViewAnalytics, type AppAbility, type Principal } from '@callpro/permissions';
import { forbidden } from '../common/errors/problem';

/**
 * Whose figures a request gets: `null` = the whole tenant, otherwise one agent's. Decided by the
 * ability alone (DESIGN.md §3): whoever may read tenant-wide analytics may also narrow them to any
 * agent; an agent may read only `{agentId: self}`, so their scope is forced to themselves and
 * asking for someone else is a 403.
 */
export function resolveAgentScope(principal: Principal, ability: AppAbility, requested: string | undefined): string | null {
  const wanted = requested ?? null;
  if (ability.can('read', asSubject('Analytics', { agentId: null }))) return wanted;
  const self = principal.kind === 'user' ? principal.userId : null;
  if (self && (wanted === null || wanted === self) && ability.can('read', asSubject('Analytics', { agentId: self }))) return self;
  throw forbidden(wanted ? 'You may only see your own figures' : 'You may not see analytics');
}

/**
 * The leaderboard (and its CSV) compares people, so it is only for who may read team-wide
 * analytics (`canViewAnalytics`): an agent gets a 403 even for their own row, which the
 * self-scoped summary and series already give them.
 */
export function assertTeamAnalytics(ability: AppAbility): void {
  if (!canViewAnalytics(ability)) throw forbidden('The agent leaderboard is only for roles that see team-wide analytics');
}
