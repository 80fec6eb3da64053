import type { CallSeriesBucket } from '../analytics-api';

/** One local hour of the calls-per-hour chart. */
export interface HourRow {
  /** "09:00". */
  hour: string;
  /** Calls today in that hour; null for hours still to come (the line stops at now). */
  today: number | null;
  /** Calls in that hour on the same weekday last week. */
  lastWeek: number;
}

/** "09" from a bucket label `YYYY-MM-DDTHH:mm`; null for anything else. */
const hourOf = (label: string) => /T(\d{2}):\d{2}$/.exec(label)?.[1] ?? null;

/**
 * Rows 00:00–23:00 from two hourly series of calls (today, the same weekday last week). Buckets
 * are matched by their local clock hour, not their position: a DST day has 23 or 25 of them (the
 * repeated hour is added up; the skipped one stays empty). Today's hours that have not started
 * by `now` are null.
 */
export function hourlyRows(today: readonly CallSeriesBucket[], lastWeek: readonly CallSeriesBucket[], now: Date): HourRow[] {
  const rows: HourRow[] = Array.from({ length: 24 }, (_, h) => ({ hour: `${String(h).padStart(2, '0')}:00`, today: null, lastWeek: 0 }));
  const rowOf = (label: string) => {
    const hour = hourOf(label);
    return hour === null ? undefined : rows[Number(hour)];
  };
  for (const bucket of lastWeek) {
    const row = rowOf(bucket.label);
    if (row) row.lastWeek += bucket.total;
  }
  for (const bucket of today) {
    const row = rowOf(bucket.label);
    if (row && Date.parse(bucket.start) <= now.getTime()) row.today = (row.today ?? 0) + bucket.total;
  }
  return rows;
}

/** Calls in the rows so far: today's total, and last week's up to the same hour (for the empty state and the caption). */
export function totals(rows: readonly HourRow[]): { today: number; lastWeekSoFar: number } {
  let today = 0;
  let lastWeekSoFar = 0;
  for (const row of rows) {
    if (row.today === null) continue;
    today += row.today;
    lastWeekSoFar += row.lastWeek;
  }
  return { today, lastWeekSoFar };
}
