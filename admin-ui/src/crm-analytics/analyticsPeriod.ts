import type { AnalyticsInterval } from '../analytics-api';
import { addDays, daysBetween, firstOfMonth, formatLocalDate, localDateOf, parseLocalDate, startOfLocalDay, type LocalDate } from '../shared/zonedTime';

export const RANGE_PRESETS = ['today', 'last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = 'last30';

export const PRESET_LABELS: Record<RangePreset, string> = {
  today: 'Today',
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  last90: 'Last 90 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  custom: 'Custom range',
};

export const INTERVALS: readonly AnalyticsInterval[] = ['hour', 'day', 'week', 'month'];
export const INTERVAL_LABELS: Record<AnalyticsInterval, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

/** The API's longest period, and its longest one in hour buckets. */
export const MAX_DAYS = 400;
export const MAX_HOUR_DAYS = 31;

/** What the page shows, as it sits in the URL query (shareable): `?range=custom&from=2026-03-01&to=2026-03-31&interval=week&agent=…`. */
export interface AnalyticsPageState {
  preset: RangePreset;
  /** Custom range: first and last local day (both included), `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
  /** null: the default for the period's length. */
  interval: AnalyticsInterval | null;
  agentId: string | null;
}

/** A period of whole local days in the tenant's zone, and the instants the API takes. */
export interface ResolvedPeriod {
  first: LocalDate;
  /** Included. */
  last: LocalDate;
  days: number;
  /** ISO instant of `first`'s midnight. */
  from: string;
  /** ISO instant of the midnight after `last` (the API's end is exclusive). */
  to: string;
}

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);

export function readPageState(params: URLSearchParams): AnalyticsPageState {
  const preset = params.get('range');
  const interval = params.get('interval');
  return {
    preset: isOneOf(RANGE_PRESETS, preset) ? preset : DEFAULT_PRESET,
    from: params.get('from'),
    to: params.get('to'),
    interval: isOneOf(INTERVALS, interval) ? interval : null,
    agentId: params.get('agent') || null,
  };
}

/** The query for `state`, leaving out what is the default. */
export function writePageState(state: AnalyticsPageState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.preset !== DEFAULT_PRESET) params.set('range', state.preset);
  if (state.preset === 'custom') {
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
  }
  if (state.interval) params.set('interval', state.interval);
  if (state.agentId) params.set('agent', state.agentId);
  return params;
}

/** The first and last day of a preset, counted back from `today` (which is included). */
function presetDays(preset: Exclude<RangePreset, 'custom'>, today: LocalDate): [LocalDate, LocalDate] {
  switch (preset) {
    case 'today':
      return [today, today];
    case 'last7':
      return [addDays(today, -6), today];
    case 'last30':
      return [addDays(today, -29), today];
    case 'last90':
      return [addDays(today, -89), today];
    case 'thisMonth':
      return [firstOfMonth(today), today];
    case 'lastMonth':
      return [firstOfMonth(today, -1), addDays(firstOfMonth(today), -1)];
  }
}

/**
 * The period `state` stands for, in whole days of `timeZone` (the tenant's: "today" is the
 * tenant's today, wherever the browser is). A custom range needs both days, in order, at most
 * MAX_DAYS long; otherwise the answer says what is wrong.
 */
export function resolvePeriod(state: Pick<AnalyticsPageState, 'preset' | 'from' | 'to'>, now: Date, timeZone: string): ResolvedPeriod | { error: string } {
  let first: LocalDate;
  let last: LocalDate;
  if (state.preset === 'custom') {
    const from = parseLocalDate(state.from);
    const to = parseLocalDate(state.to);
    if (!from || !to) return { error: 'Choose the first and the last day of the range.' };
    if (daysBetween(from, to) < 0) return { error: 'The last day must not be before the first day.' };
    [first, last] = [from, to];
  } else {
    [first, last] = presetDays(state.preset, localDateOf(now, timeZone));
  }
  const days = daysBetween(first, last) + 1;
  if (days > MAX_DAYS) return { error: `A range may span at most ${MAX_DAYS} days; this one has ${days}.` };
  return { first, last, days, from: startOfLocalDay(first, timeZone).toISOString(), to: startOfLocalDay(addDays(last, 1), timeZone).toISOString() };
}

/** The intervals worth offering for a period of `days`: hours only up to MAX_HOUR_DAYS (the API's limit). */
export const allowedIntervals = (days: number): AnalyticsInterval[] => INTERVALS.filter((i) => i !== 'hour' || days <= MAX_HOUR_DAYS);

/** A bucket size that gives a readable number of bars: hours for a day or two, then days, weeks, months. */
export function defaultInterval(days: number): AnalyticsInterval {
  if (days <= 2) return 'hour';
  if (days <= 62) return 'day';
  if (days <= 180) return 'week';
  return 'month';
}

/** The requested interval if it suits the period, else the default. */
export const effectiveInterval = (requested: AnalyticsInterval | null, days: number): AnalyticsInterval =>
  requested && allowedIntervals(days).includes(requested) ? requested : defaultInterval(days);

/** The custom range's fields, prefilled with the period being shown when switching to "Custom range". */
export const customFieldsFor = (period: ResolvedPeriod) => ({ from: formatLocalDate(period.first), to: formatLocalDate(period.last) });
