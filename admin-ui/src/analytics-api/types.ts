import type { SlaMetric, TicketPriority, TicketStatus } from '@callpro/contracts';

/** The answers of GET /api/v1/analytics/* (backend/src/analytics/dto), as JSON: instants are ISO strings. */

export type AnalyticsInterval = 'hour' | 'day' | 'week' | 'month';
export type AnalyticsTimeBasis = 'wall_clock' | 'business';

/** A half-open range of instants: from ≤ t < to. */
export interface AnalyticsRange {
  from: string;
  to: string;
}

/** Every answer: figures for `period` in `current`, the same for `previous` (equal length, ending at `period.from`) in `previousFigures`. */
export interface AnalyticsAnswer<F> {
  period: AnalyticsRange;
  previous: AnalyticsRange;
  timezone: string;
  /** null = the whole tenant; otherwise this user's figures (an agent always gets their own). */
  agentId: string | null;
  current: F;
  previousFigures: F;
}

export interface CallSeriesFigures {
  total: number;
  inbound: number;
  outbound: number;
  answered: number;
  missed: number;
  abandoned: number;
  /** answered ÷ inbound, 0–1; null without inbound calls. */
  answerRate: number | null;
  avgTalkSeconds: number | null;
  avgHandleSeconds: number | null;
}

export interface CallSummaryFigures extends CallSeriesFigures {
  p90TalkSeconds: number | null;
}

export interface TicketFigures {
  created: number;
  resolved: number;
  backlogChange: number;
  medianFirstResponseMinutes: number | null;
  p90FirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  p90ResolutionMinutes: number | null;
}

export interface SlaCompliance {
  met: number;
  breached: number;
  /** met ÷ (met + breached), 0–1; null when no target fell due. */
  compliance: number | null;
}

export interface SlaComplianceByMetric {
  firstResponse: SlaCompliance;
  nextResponse: SlaCompliance;
  resolution: SlaCompliance;
}

export interface SummaryFigures {
  calls: CallSummaryFigures;
  tickets: TicketFigures;
  sla: SlaComplianceByMetric;
}

export interface SummaryAnswer extends AnalyticsAnswer<SummaryFigures> {
  timeBasis: AnalyticsTimeBasis;
  /** Tickets open right now, whatever the period. */
  openTickets: number;
}

/** One bucket of a series; `label` is its local start `YYYY-MM-DDTHH:mm` in the answer's zone. */
export interface SeriesBucket {
  start: string;
  end: string;
  label: string;
}

export type CallSeriesBucket = SeriesBucket & CallSeriesFigures;

export interface TicketSeriesBucket extends SeriesBucket {
  created: number;
  resolved: number;
  backlogChange: number;
}

export interface SeriesAnswer<B> extends AnalyticsAnswer<B[]> {
  interval: AnalyticsInterval;
}

export interface CallHeatmapCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour, 0–23. */
  hour: number;
  inbound: number;
  answered: number;
  answerRate: number | null;
}

export interface BreakdownEntry {
  key: string;
  tickets: number;
}

export interface TicketBreakdown {
  byStatus: (BreakdownEntry & { key: TicketStatus })[];
  byPriority: (BreakdownEntry & { key: TicketPriority })[];
  byChannel: BreakdownEntry[];
  byTag: BreakdownEntry[];
}

export interface AgentFigures {
  agentId: string;
  name: string;
  callsHandled: number;
  answerRate: number | null;
  avgHandleSeconds: number | null;
  ticketsResolved: number;
  medianFirstResponseMinutes: number | null;
  slaCompliance: number | null;
}

export type AgentSortField = keyof Omit<AgentFigures, 'agentId'>;

export interface AgentsAnswer extends AnalyticsAnswer<AgentFigures[]> {
  sort: AgentSortField;
  order: 'ASC' | 'DESC';
  timeBasis: AnalyticsTimeBasis;
}

export interface SlaPolicyCompliance extends SlaCompliance {
  /** null: the policy was deleted since. */
  policyId: string | null;
  policyName: string | null;
  metric: SlaMetric;
}

export interface SlaBreachDay extends SeriesBucket {
  firstResponse: number;
  nextResponse: number;
  resolution: number;
  total: number;
}

export interface SlaFigures {
  byMetric: SlaComplianceByMetric;
  byPolicy: SlaPolicyCompliance[];
  breachesPerDay: SlaBreachDay[];
}

export interface SlaAtRiskTicket {
  ticketId: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  metric: SlaMetric | null;
  dueAt: string;
}

export interface SlaAnswer extends AnalyticsAnswer<SlaFigures> {
  asOf: string;
  breachingNextHour: SlaAtRiskTicket[];
}

export type ExportReport = 'agents' | 'calls' | 'tickets';
