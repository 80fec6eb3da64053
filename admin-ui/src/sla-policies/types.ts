import type { TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';

/** A row of the sla-policies resource (DESIGN.md §6). Targets are business minutes; null = no target. */
export interface SlaPolicyRecord {
  id: string;
  tenantId: string;
  name: string;
  /** Matching order, ascending: the first active policy that matches a ticket applies. */
  position: number;
  /** Conditions: empty = any. */
  priorities: TicketPriority[];
  channels: TicketChannel[];
  tags: string[];
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** Percentages of a target at which the assignee is warned, strictly ascending. */
  warnAtPercent: number[];
  /** Ticket statuses in which the clocks stop. */
  pauseStatuses: TicketStatus[];
  /** null = 24/7. */
  calendarId: string | null;
  active: boolean;
  /** Sent back on save: a stale one gets 409 (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The statuses the API accepts as pause statuses: the open ones. */
export const PAUSABLE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending'];
