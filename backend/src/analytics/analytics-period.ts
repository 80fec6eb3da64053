import { ValidationProblem } from '../common/errors/problem';

/** The longest period any analytics endpoint answers for. */
export const MAX_PERIOD_DAYS = 400;
/** Hourly series are for zooming in: at most this many days (≤ 744 buckets). */
export const MAX_HOURLY_DAYS = 31;

const DAY_MS = 86_400_000;

export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** A half-open range of instants: `from` ≤ t < `to`. */
export interface Range {
  from: Date;
  to: Date;
}

/** The requested period and the one of equal length right before it (for comparison arrows). */
export interface Period {
  current: Range;
  previous: Range;
}

/**
 * `from`/`to` as already checked ISO-8601 instants → the period and its predecessor. 400 with
 * `errors.to` when `to` is not after `from` or the period is longer than MAX_PERIOD_DAYS.
 */
export function parsePeriod(fromText: string, toText: string, interval?: Interval): Period {
  const from = new Date(fromText);
  const to = new Date(toText);
  const length = to.getTime() - from.getTime();
  if (!(length > 0)) throw new ValidationProblem({ to: 'must be after from' }, 'The period must end after it starts');
  if (length > MAX_PERIOD_DAYS * DAY_MS) {
    throw new ValidationProblem({ to: `the period may span at most ${MAX_PERIOD_DAYS} days` }, `The period is longer than ${MAX_PERIOD_DAYS} days`);
  }
  if (interval === 'hour' && length > MAX_HOURLY_DAYS * DAY_MS) {
    throw new ValidationProblem({ interval: `hourly buckets need a period of at most ${MAX_HOURLY_DAYS} days` }, 'Too many hourly buckets');
  }
  return { current: { from, to }, previous: { from: new Date(from.getTime() - length), to: from } };
}
