import { ApiProperty } from '@nestjs/swagger';
import { AnalyticsAnswer } from './analytics-answer.response';
import { CallFigures } from './calls-analytics.response';
import { SlaComplianceByMetric } from './sla-analytics.response';
import { TicketFigures } from './tickets-analytics.response';

export const TIME_BASES = ['wall_clock', 'business'] as const;
export type TimeBasis = (typeof TIME_BASES)[number];

export class SummaryFigures {
  calls!: CallFigures;
  tickets!: TicketFigures;
  /** Per metric: SLA targets that fell due in the period, met or breached. */
  sla!: SlaComplianceByMetric;
}

export class SummaryResponse extends AnalyticsAnswer {
  /**
   * How ticket minutes are counted: `wall_clock` (elapsed minutes) while the tenant has no business
   * calendars; `business` once it has: the open minutes of the calendar of each ticket's SLA policy
   * (24/7, i.e. elapsed, for tickets whose policy has none).
   */
  @ApiProperty({ enum: TIME_BASES, enumName: 'AnalyticsTimeBasis' })
  timeBasis!: TimeBasis;
  /** Tickets open right now (new, open, pending), whatever the period. */
  openTickets!: number;
  current!: SummaryFigures;
  previousFigures!: SummaryFigures;
}
