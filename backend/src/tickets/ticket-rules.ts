import { allowedTransitions, canTransition, type Role, type TicketStatus } from '@callpro/contracts';
import type { Principal } from '@callpro/permissions';
import { ProblemException } from '../common/errors/problem';
import type { Ticket } from './ticket.entity';

/** What a client may change (PUT); everything else is read-only or set by the server. */
export const EDITABLE_FIELDS = [
  'subject',
  'description',
  'status',
  'priority',
  'channel',
  'tags',
  'requesterName',
  'requesterPhone',
  'requesterEmail',
  'leadId',
  'assigneeId',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type TicketChanges = Partial<Pick<Ticket, EditableField>>;

const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') && a.length === b.length : a === b);

/** The fields of `input` that are present and differ from `ticket` (react-admin sends unchanged ones too). */
export function changedFields(ticket: Ticket, input: TicketChanges): TicketChanges {
  const changes: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = input[field];
    if (value !== undefined && !sameValue(value, ticket[field])) changes[field] = value;
  }
  return changes as TicketChanges;
}

/** API keys have no role: they move tickets as agents do (they cannot reopen a closed ticket). */
export function transitionRole(principal: Principal): Role {
  return principal.kind === 'user' ? principal.role : 'agent';
}

/** 422 `illegal-transition` with the allowed targets, unless `from → to` is allowed for the principal. */
export function assertTransition(from: TicketStatus, to: TicketStatus, principal: Principal): void {
  const role = transitionRole(principal);
  if (canTransition(from, to, role)) return;
  const allowed = allowedTransitions(from, role);
  const detail = allowed.length
    ? `A ${from} ticket cannot become ${to}; allowed: ${allowed.join(', ')}`
    : `A ${from} ticket cannot become ${to}: only org admins and supervisors may reopen a closed ticket`;
  throw new ProblemException(422, 'illegal-transition', detail, { from, to, allowed, errors: { status: detail } });
}

/** Moves the ticket to `to` and keeps resolvedAt/closedAt in step (reopening clears both). */
export function applyStatus(ticket: Ticket, to: TicketStatus, now: Date): void {
  if (to === 'resolved') {
    ticket.resolvedAt = now;
    ticket.closedAt = null;
  } else if (to === 'closed') {
    ticket.resolvedAt ??= now;
    ticket.closedAt = now;
  } else {
    ticket.resolvedAt = null;
    ticket.closedAt = null;
  }
  ticket.status = to;
}

