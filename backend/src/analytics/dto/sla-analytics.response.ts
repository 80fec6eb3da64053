import { ApiProperty } from '@nestjs/swagger';
import { SLA_METRICS, TICKET_PRIORITIES, TICKET_STATUSES, type SlaMetric, type TicketPriority, type TicketStatus } from '@callpro/contracts';
import { AnalyticsAnswer } from './analytics-answer.response';

/** SLA targets that fell due in the period: met in time, or breached (a late answer is a breach). */
export class SlaCompliance {
  met!: number;
  breached!: number;
  /** met ÷ (met + breached), 0–1; null when no target fell due. */
  compliance!: number | null;
}

/** Compliance per metric. */
export class SlaComplianceByMetric {
  firstResponse!: SlaCompliance;
  nextResponse!: SlaCompliance;
  resolution!: SlaCompliance;
}

export class SlaPolicyCompliance extends SlaCompliance {
  /** null: the policy was deleted since. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  policyId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  policyName!: string | null;
  @ApiProperty({ enum: SLA_METRICS, enumName: 'SlaMetric' })
  metric!: SlaMetric;
}

/** Breaches of one local day (a breach happens at the due time it missed). */
export class SlaBreachDay {
  start!: Date;
  end!: Date;
  /** The local date, `YYYY-MM-DDT00:00`, in the answer's time zone. */
  label!: string;
  firstResponse!: number;
  nextResponse!: number;
  resolution!: number;
  total!: number;
}

export class SlaFigures {
  byMetric!: SlaComplianceByMetric;
  /** Per policy and metric that had a target fall due, by policy name then metric. */
  byPolicy!: SlaPolicyCompliance[];
  /** Every local day of the period, days without breaches included. */
  breachesPerDay!: SlaBreachDay[];
}

/** An open ticket whose nearest running SLA target falls due within the hour. */
export class SlaAtRiskTicket {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;
  number!: number;
  subject!: string;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  status!: TicketStatus;
  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  priority!: TicketPriority;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId!: string | null;
  /** The metric that falls due first (null if it could not be told). */
  @ApiProperty({ enum: SLA_METRICS, enumName: 'SlaMetric', nullable: true })
  metric!: SlaMetric | null;
  dueAt!: Date;
}

export class SlaAnalyticsResponse extends AnalyticsAnswer {
  current!: SlaFigures;
  previousFigures!: SlaFigures;
  /** The moment `breachingNextHour` was taken. */
  asOf!: Date;
  /** Tickets that will breach within an hour of `asOf` unless someone acts, soonest first (at most 100); independent of the period. */
  breachingNextHour!: SlaAtRiskTicket[];
}
