import type { SlaEventKind, SlaMetric, SlaStatus, TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import type { Calendar } from './business-time';

/** One warning threshold of a running metric: when it falls due, and whether it was dealt with. */
export interface SlaWarningState {
  /** Percent of the target. */
  threshold: number;
  /** ISO-8601. */
  at: string;
  /** Fired, or passed over because a later alert made it moot. */
  done: boolean;
}

/**
 * One metric's clock on a ticket (stored in `tickets.sla`). Each restart (a reopen restarts
 * resolution and next response) is a new `cycle`, so that its warnings and breach are new alerts.
 */
export interface SlaMetricState {
  status: SlaStatus;
  /** ISO-8601: when this cycle's clock started (creation, or the reopen). */
  startedAt: string;
  cycle: number;
  /** Business minutes; null = the policy sets no target for this metric (tracked, never due). */
  targetMinutes: number | null;
  /** Business minutes this cycle spent in a pause status (moves the due time out). */
  pausedMinutes: number;
  dueAt: string | null;
  metAt: string | null;
  warnings: SlaWarningState[];
}

/** `tickets.sla`: the ticket's metric clocks under its current policy. */
export type TicketSla = Partial<Record<SlaMetric, SlaMetricState>>;

/** The ticket's SLA columns, all written together. */
export interface SlaColumns {
  slaPolicyId: string | null;
  sla: TicketSla | null;
  /** The nearest due time of a running metric (indexed; the job's and the lists' key). */
  slaNextDueAt: Date | null;
  /** The nearest pending warning of a running metric. */
  slaNextWarnAt: Date | null;
  /** When the current pause began (the ticket is in one of its policy's pause statuses). */
  slaPausedSince: Date | null;
  /** Business minutes the ticket has spent paused, over its life. */
  slaPausedMinutes: number;
}

/** What the SLA rules read from a ticket. */
export interface SlaTicket extends SlaColumns {
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  tags: readonly string[];
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
}

/** A policy as the rules need it, with its calendar resolved (null = 24/7). */
export interface SlaRule {
  id: string;
  active: boolean;
  priorities: readonly TicketPriority[];
  channels: readonly TicketChannel[];
  tags: readonly string[];
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warnAtPercent: readonly number[];
  pauseStatuses: readonly TicketStatus[];
  calendar: Calendar;
}

/** An SlaEvent to record (applied, paused, resumed, met: plain rows). */
export interface SlaEventDraft {
  metric: SlaMetric;
  kind: SlaEventKind;
  cycle: number;
  threshold: number | null;
  dueAt: Date | null;
  occurredAt: Date;
  policyId: string | null;
}

/** A warning or breach: recorded at most once per (ticket, metric, cycle, kind, threshold), then notified. */
export interface SlaAlert extends SlaEventDraft {
  kind: 'warning' | 'breached';
}

export interface SlaOutcome {
  columns: SlaColumns;
  events: SlaEventDraft[];
  alerts: SlaAlert[];
}

/** Ticket statuses in which SLA clocks run (or pause); resolved and closed tickets are done. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending'];
export const isOpenStatus = (s: TicketStatus) => OPEN_TICKET_STATUSES.includes(s);

export const TARGET_OF: Record<SlaMetric, 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes'> = {
  first_response: 'firstResponseMinutes',
  next_response: 'nextResponseMinutes',
  resolution: 'resolutionMinutes',
};
