import type { CallDirection } from '@callpro/contracts';
import type { LeadMatch } from './call-log.entity';

/** The number of the party that is not the tenant: the caller of an inbound call, the callee of an outbound one. */
export function otherParty(call: { direction: CallDirection; fromNumber: string; toNumber: string }): string {
  return call.direction === 'inbound' ? call.fromNumber : call.toNumber;
}

/**
 * Links a call to the lead with the other party's number: exactly one candidate links; several
 * are left unlinked and flagged, so nobody's history gets a call that may not be theirs.
 */
export function matchLead(candidateLeadIds: readonly string[]): { leadId: string | null; leadMatch: LeadMatch } {
  const distinct = [...new Set(candidateLeadIds)];
  if (distinct.length === 1) return { leadId: distinct[0], leadMatch: 'matched' };
  return { leadId: null, leadMatch: distinct.length === 0 ? 'none' : 'ambiguous' };
}
