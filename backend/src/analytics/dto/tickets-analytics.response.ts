import { ApiProperty } from '@nestjs/swagger';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@callpro/contracts';
import { INTERVALS, type Interval } from '../analytics-period';
import { AnalyticsAnswer } from './analytics-answer.response';

/** Ticket figures of one period (`agentId`: tickets assigned to the agent). */
export class TicketFigures {
  /** Tickets created in the period. */
  created!: number;
  /** Tickets resolved in the period (a reopened ticket counts again when it is resolved again). */
  resolved!: number;
  /** created − resolved: how much the backlog grew (negative: shrank). */
  backlogChange!: number;
  /** Median time from creation to first response, of tickets first answered in the period, in minutes (see `timeBasis`). */
  medianFirstResponseMinutes!: number | null;
  p90FirstResponseMinutes!: number | null;
  /** Median time from creation to resolution, of tickets resolved in the period, in minutes (see `timeBasis`). */
  medianResolutionMinutes!: number | null;
  p90ResolutionMinutes!: number | null;
}

export class TicketSeriesBucket {
  start!: Date;
  end!: Date;
  /** The bucket's local start, `YYYY-MM-DDTHH:mm`, in the answer's time zone. */
  label!: string;
  created!: number;
  resolved!: number;
  backlogChange!: number;
}

export class TicketsTimeseriesResponse extends AnalyticsAnswer {
  @ApiProperty({ enum: INTERVALS, enumName: 'AnalyticsInterval' })
  interval!: Interval;
  /** Every bucket of the period, empty ones included. */
  current!: TicketSeriesBucket[];
  previousFigures!: TicketSeriesBucket[];
}

export class BreakdownEntry {
  key!: string;
  tickets!: number;
}

export class StatusCount extends BreakdownEntry {
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  declare key: TicketStatus;
}

export class PriorityCount extends BreakdownEntry {
  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  declare key: TicketPriority;
}

/** Tickets created in the period, by their current status, priority, channel and tags. */
export class TicketBreakdown {
  /** Every status, in workflow order, zeros included. */
  byStatus!: StatusCount[];
  /** Every priority, low to urgent, zeros included. */
  byPriority!: PriorityCount[];
  /** Every channel, zeros included. */
  byChannel!: BreakdownEntry[];
  /** The 50 most used tags, most used first (a ticket counts once per tag). */
  byTag!: BreakdownEntry[];
}

export class TicketsBreakdownResponse extends AnalyticsAnswer {
  current!: TicketBreakdown;
  previousFigures!: TicketBreakdown;
}
