import { ApiProperty } from '@nestjs/swagger';
import type { AnalyticsContext } from '../analytics-context';

/** A half-open range of instants: from ≤ t < to. */
export class AnalyticsRange {
  from!: Date;
  to!: Date;
}

/**
 * What every analytics answer starts with. Figures come twice, in the same shape: `current` for
 * `period` and `previousFigures` for `previous`, the period of equal length that ends where this
 * one starts (for comparison arrows).
 */
export class AnalyticsAnswer {
  /** The requested period. */
  period!: AnalyticsRange;
  /** The period of the same length right before it. */
  previous!: AnalyticsRange;
  /** The IANA zone that buckets and local hours are in. */
  timezone!: string;
  /** Whose figures these are: null = the whole tenant, otherwise this user's (an agent always gets their own). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agentId!: string | null;
}

/** The envelope fields of an answer for `ctx`. */
export function answerFor(ctx: AnalyticsContext): AnalyticsAnswer {
  return {
    period: { from: ctx.period.current.from, to: ctx.period.current.to },
    previous: { from: ctx.period.previous.from, to: ctx.period.previous.to },
    timezone: ctx.timezone,
    agentId: ctx.agentId,
  };
}
