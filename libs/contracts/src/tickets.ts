import type { Role } from './roles';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['phone', 'email', 'web', 'api'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const NOTE_VISIBILITIES = ['internal', 'public'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** Allowed ticket status transitions (DESIGN.md §5). */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'resolved'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** Roles allowed to reopen a closed ticket. */
export const REOPEN_CLOSED_ROLES: readonly Role[] = ['super_admin', 'org_admin', 'supervisor'];

/** The statuses a principal may move a ticket to from `from`. */
export function allowedTransitions(from: TicketStatus, role?: Role): TicketStatus[] {
  const next = [...TICKET_TRANSITIONS[from]];
  if (from === 'closed' && role && !REOPEN_CLOSED_ROLES.includes(role)) return [];
  return next;
}

export function canTransition(from: TicketStatus, to: TicketStatus, role?: Role): boolean {
  return from === to || allowedTransitions(from, role).includes(to);
}
