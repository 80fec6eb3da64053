import type { Interval, Range } from './analytics-period';
import { epochMs, sql, type Sql } from './sql';

/**
 * Series buckets in SQL. Day, week (ISO, from Monday) and month buckets are local calendar units:
 * their starts are generated as `timestamp without time zone` in the requested zone and turned into
 * instants with AT TIME ZONE, so a DST day is 23 or 25 hours long. Hour buckets are clock hours
 * (instants one hour apart, aligned to the local hour): local wall-clock hours repeat or vanish at
 * DST changes. Each bucket has a `key` that `bucketKeyOf` computes for a row's instant, and is
 * clipped to the range (`start_ms`, `end_ms`) so that the first and last may be partial.
 */
export function bucketSeries(range: Range, timezone: string, interval: Interval): Sql {
  const tz = sql`${timezone}::text`;
  const from = sql`${range.from}::timestamptz`;
  const to = sql`${range.to}::timestamptz`;
  if (interval === 'hour') {
    return sql`
      select g as key, ${epochMs(sql`greatest(g, ${from})`)} as start_ms, ${epochMs(sql`least(g + interval '1 hour', ${to})`)} as end_ms,
             to_char(g at time zone ${tz}, 'YYYY-MM-DD"T"HH24:MI') as label
        from generate_series(date_trunc('hour', ${from} at time zone ${tz}) at time zone ${tz}, ${to}, interval '1 hour') g
       where g < ${to}`;
  }
  const step = sql`${`1 ${interval}`}::interval`;
  return sql`
    select g as key, ${epochMs(sql`greatest(g at time zone ${tz}, ${from})`)} as start_ms,
           ${epochMs(sql`least((g + ${step}) at time zone ${tz}, ${to})`)} as end_ms,
           to_char(g, 'YYYY-MM-DD"T"HH24:MI') as label
      from generate_series(date_trunc(${interval}::text, ${from} at time zone ${tz}), ${to} at time zone ${tz}, ${step}) g
     where g at time zone ${tz} < ${to}`;
}

/** The bucket key of an instant column (e.g. `c.started_at`), matching bucketSeries' `key`. */
export function bucketKeyOf(instant: Sql, range: Range, timezone: string, interval: Interval): Sql {
  const tz = sql`${timezone}::text`;
  if (interval === 'hour') return sql`date_bin(interval '1 hour', ${instant}, date_trunc('hour', ${range.from}::timestamptz at time zone ${tz}) at time zone ${tz})`;
  return sql`date_trunc(${interval}::text, ${instant} at time zone ${tz})`;
}

/** The bucket key of a local date column (rollup days; only when the buckets are in the rollups' zone). */
export function bucketKeyOfDay(day: Sql, interval: Exclude<Interval, 'hour'>): Sql {
  return sql`date_trunc(${interval}::text, ${day}::timestamp)`;
}
