import type { AnalyticsFilters } from '../analytics-api';
import { addDays, formatLocalDate, localDateOf, startOfLocalDay } from '../shared/zonedTime';

/** A period the dashboard asks the analytics API about: ISO instants, `from` ≤ t < `to`. */
export type Span = Pick<AnalyticsFilters, 'from' | 'to'>;

/** Days the SLA compliance card covers (today included). */
export const SLA_DAYS = 7;

const span = (from: Date, to: Date): Span => ({ from: from.toISOString(), to: to.toISOString() });

/** Today's date in `timeZone`, `YYYY-MM-DD`: it keys the dashboard's queries, so they roll over at the tenant's midnight. */
export const todayKey = (now: Date, timeZone: string) => formatLocalDate(localDateOf(now, timeZone));

/**
 * "Today so far" in the tenant's zone and the same span of yesterday: local midnight to now, and
 * yesterday's midnight to as long after it (on a day with a DST change, the same elapsed time,
 * not the same clock time). The span ends a second after midnight at the earliest: the API wants
 * an end after the start.
 */
export function todaySoFar(now: Date, timeZone: string): { today: Span; yesterday: Span } {
  const date = localDateOf(now, timeZone);
  const midnight = startOfLocalDay(date, timeZone);
  const elapsed = Math.max(now.getTime() - midnight.getTime(), 1000);
  const yesterday = startOfLocalDay(addDays(date, -1), timeZone);
  return {
    today: span(midnight, new Date(midnight.getTime() + elapsed)),
    yesterday: span(yesterday, new Date(yesterday.getTime() + elapsed)),
  };
}

/** The whole local day of `now` and the same weekday a week earlier (23 or 25 hours long across DST changes). */
export function todayAndSameDayLastWeek(now: Date, timeZone: string): { today: Span; lastWeek: Span } {
  const date = localDateOf(now, timeZone);
  const day = (d: typeof date) => span(startOfLocalDay(d, timeZone), startOfLocalDay(addDays(d, 1), timeZone));
  return { today: day(date), lastWeek: day(addDays(date, -7)) };
}

/** The last `days` local days up to now, today included (the API's previous period is the `days`-long span before). */
export function lastDaysSoFar(now: Date, timeZone: string, days = SLA_DAYS): Span {
  const from = startOfLocalDay(addDays(localDateOf(now, timeZone), 1 - days), timeZone);
  return span(from, new Date(Math.max(now.getTime(), from.getTime() + 1000)));
}

/** "Thursday" for the weekday of `now` in `timeZone`. */
export const weekdayName = (now: Date, timeZone: string, locale = 'en-US') => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(now);
