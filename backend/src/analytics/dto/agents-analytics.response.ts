import { ApiProperty } from '@nestjs/swagger';
import { AGENT_SORT_FIELDS, type AgentSortField } from '../agents-analytics.sql';
import { AnalyticsAnswer } from './analytics-answer.response';
import { TIME_BASES, type TimeBasis } from './summary.response';

/** One agent's figures in one period. */
export class AgentFigures {
  /** The user. */
  @ApiProperty({ format: 'uuid' })
  agentId!: string;
  name!: string;
  /** Answered calls they took or made. */
  callsHandled!: number;
  /** Answered ÷ inbound calls routed to them, 0–1; null without any. */
  answerRate!: number | null;
  /** Mean talk + wrap-up time of their answered calls, in seconds. */
  avgHandleSeconds!: number | null;
  /** Tickets assigned to them and resolved in the period. */
  ticketsResolved!: number;
  /** Median minutes (see `timeBasis`) from creation to first response of their tickets first answered in the period. */
  medianFirstResponseMinutes!: number | null;
  /** Met ÷ (met + breached) SLA targets of their tickets that fell due in the period, all metrics, 0–1. */
  slaCompliance!: number | null;
}

export class AgentsLeaderboardResponse extends AnalyticsAnswer {
  @ApiProperty({ enum: AGENT_SORT_FIELDS, enumName: 'AgentSortField' })
  sort!: AgentSortField;
  @ApiProperty({ enum: ['ASC', 'DESC'] })
  order!: 'ASC' | 'DESC';
  /** How `medianFirstResponseMinutes` is counted, as in the summary. */
  @ApiProperty({ enum: TIME_BASES, enumName: 'AnalyticsTimeBasis' })
  timeBasis!: TimeBasis;
  /** The tenant's active agents and anyone else with figures in either period, ranked by `sort` (empty figures last, then by name). An agent gets only their own row. */
  current!: AgentFigures[];
  /** The same people in the same order, with the previous period's figures. */
  previousFigures!: AgentFigures[];
}
