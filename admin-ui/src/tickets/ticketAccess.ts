import { allowedTransitions, type Role, type TicketStatus } from '@callpro/contracts';
import { canAccessResource, type AccessContext } from '../providers/canAccess';
import type { TicketRecord } from './types';

/** Stands for "a user other than me" when asking whether a ticket may be handed to someone else. */
const SOMEONE_ELSE = '00000000-0000-4000-8000-000000000000';

export interface TicketActions {
  /** Change this ticket at all (agents: only if it is theirs or unassigned). */
  canEdit: boolean;
  canDelete: boolean;
  /** The statuses offered as buttons: the allowed transitions for this role, if the ticket may be changed. */
  transitions: TicketStatus[];
  /** "Assign to me". */
  canTakeIt: boolean;
  canUnassign: boolean;
  /** Pick any assignee (supervisors and admins). */
  canAssignOthers: boolean;
}

/**
 * What this session may do with `ticket`, decided by the same rules as the API (the shell's
 * canAccess with the record), checking the ticket as it would be after each change.
 */
export function ticketActions(ctx: AccessContext, me: { id: string; role: Role }, ticket: TicketRecord): TicketActions {
  const can = (action: string, record: object) => canAccessResource(ctx, { action, resource: 'tickets', record });
  const canEdit = can('edit', ticket);
  return {
    canEdit,
    canDelete: can('delete', ticket),
    transitions: canEdit ? allowedTransitions(ticket.status, me.role) : [],
    canTakeIt: canEdit && ticket.assigneeId !== me.id && can('edit', { ...ticket, assigneeId: me.id }),
    canUnassign: canEdit && ticket.assigneeId !== null && can('edit', { ...ticket, assigneeId: null }),
    canAssignOthers: canEdit && can('edit', { ...ticket, assigneeId: SOMEONE_ELSE }),
  };
}

/** Whether this session may give new tickets (or bulk changes) to anyone, not only to itself. */
export function canAssignAnyone(ctx: AccessContext): boolean {
  return canAccessResource(ctx, { action: 'edit', resource: 'tickets', record: { assigneeId: SOMEONE_ELSE } });
}

/** The label of the button that moves a ticket from `from` to `to`. */
export function transitionLabel(from: TicketStatus, to: TicketStatus): string {
  switch (to) {
    case 'open':
      return from === 'resolved' || from === 'closed' ? 'Reopen' : 'Open';
    case 'pending':
      return 'Pending';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close';
    default:
      return to;
  }
}
