import type { SlaEventKind, SlaMetric, SlaStatus } from '@callpro/contracts';

/** One SLA metric of a ticket, as GET /tickets returns it (timestamps ISO-8601). */
export interface SlaMetricRecord {
  status: SlaStatus;
  /** When this run of the clock started (creation, or the latest reopen). */
  startedAt: string;
  /** Business minutes; null = the policy sets no target (never due). */
  targetMinutes: number | null;
  /** Business minutes this run spent paused (the due time moved out by as much). */
  pausedMinutes: number;
  dueAt: string | null;
  metAt: string | null;
  /** The highest warning threshold (percent of the target) the server has raised, or null. */
  warnedPercent: number | null;
}

/** `ticket.sla`: a metric is null while its clock has not started (next response before a reopen). */
export interface TicketSlaRecord {
  firstResponse: SlaMetricRecord | null;
  nextResponse: SlaMetricRecord | null;
  resolution: SlaMetricRecord | null;
}

/** A row of the sla-events resource (the ticket's SLA log). */
export interface SlaEventRecord {
  id: string;
  ticketId: string;
  policyId: string | null;
  metric: SlaMetric;
  kind: SlaEventKind;
  cycle: number;
  threshold: number | null;
  dueAt: string | null;
  occurredAt: string;
  createdAt: string;
}
