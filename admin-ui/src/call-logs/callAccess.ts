import { asSubject, type AppAbility } from '@callpro/permissions';
import type { CallLogRecord } from './types';

/**
 * Whether this session sees colleagues' calls (supervisors, admins) rather than only its own
 * (agents): a call with no agent is readable only by the former.
 */
export function seesTeamCalls(ability: AppAbility): boolean {
  return ability.can('read', asSubject('CallLog', { agentId: null }));
}

/** Disposition, notes and wrap-up time: the call's agent, supervisors and admins. */
export function canWrapUp(ability: AppAbility, call: Pick<CallLogRecord, 'agentId'>): boolean {
  return ability.can('update', asSubject('CallLog', { agentId: call.agentId }));
}
