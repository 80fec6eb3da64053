import { ApiProperty } from '@nestjs/swagger';
import { INTERVALS, type Interval } from '../analytics-period';
import { AnalyticsAnswer } from './analytics-answer.response';

/** Call figures of one period or bucket (calls that started in it; `agentId`: calls the agent took or made). */
export class CallSeriesFigures {
  /** All calls, both directions, whatever their state. */
  total!: number;
  inbound!: number;
  outbound!: number;
  /** Inbound calls that were answered. */
  answered!: number;
  /** Inbound calls that ended unanswered (missed, voicemail, busy, failed, rejected); abandoned ones are counted apart. */
  missed!: number;
  /** Inbound calls the caller hung up on before anyone answered (outcome `abandoned`). */
  abandoned!: number;
  /** answered ÷ inbound, 0–1; null without inbound calls. */
  answerRate!: number | null;
  /** Mean talk time of answered calls (both directions), in seconds; null without any. */
  avgTalkSeconds!: number | null;
  /** Mean handle time (talk + wrap-up) of answered calls, in seconds; null without any. */
  avgHandleSeconds!: number | null;
}

export class CallFigures extends CallSeriesFigures {
  /** 90th percentile of answered calls' talk time, in seconds (linear between the nearest ranks, as percentile_cont). */
  p90TalkSeconds!: number | null;
}

/** One bucket of a series, clipped to the period (the first and last may be partial). */
export class CallSeriesBucket extends CallSeriesFigures {
  start!: Date;
  end!: Date;
  /** The bucket's local start, `YYYY-MM-DDTHH:mm`, in the answer's time zone. */
  label!: string;
}

export class CallsTimeseriesResponse extends AnalyticsAnswer {
  @ApiProperty({ enum: INTERVALS, enumName: 'AnalyticsInterval' })
  interval!: Interval;
  /** Every bucket of the period, empty ones included. */
  current!: CallSeriesBucket[];
  /** The same buckets for the previous period. */
  previousFigures!: CallSeriesBucket[];
}

/** Inbound calls in one local weekday × hour cell. */
export class CallHeatmapCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday!: number;
  /** Local hour, 0–23. */
  hour!: number;
  inbound!: number;
  answered!: number;
  /** answered ÷ inbound, 0–1; null without inbound calls. */
  answerRate!: number | null;
}

export class CallsHeatmapResponse extends AnalyticsAnswer {
  /** All 168 cells, Monday 00 first. */
  current!: CallHeatmapCell[];
  previousFigures!: CallHeatmapCell[];
}
