import type { TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import type { TicketSlaRecord } from './sla/slaTypes';

/** A row of the tickets resource (GET /tickets). Timestamps are ISO-8601 strings. */
export interface TicketRecord {
  id: string;
  /** Per-tenant number, shown as #1042. */
  number: number;
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  tags: string[];
  requesterName: string | null;
  requesterPhone: string | null;
  requesterEmail: string | null;
  leadId: string | null;
  assigneeId: string | null;
  callLogId: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** The SLA policy in force; null = none matches. */
  slaPolicyId: string | null;
  /** Its SLA clocks; null without a policy. */
  sla: TicketSlaRecord | null;
  /** The nearest due time of a running SLA metric (sortable, filterable). */
  slaNextDueAt: string | null;
  slaPausedSince: string | null;
  /** Business minutes spent paused so far. */
  slaPausedMinutes: number;
  /** Sent back with every change; a stale one is refused (409 version-conflict). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What PATCH /tickets/bulk may change. `assigneeId: null` unassigns. */
export interface BulkTicketChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
}
