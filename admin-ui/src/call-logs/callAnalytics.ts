import { fetchCallsTimeseries, fetchSummary, type CallSeriesFigures, type SeriesBucket } from '../analytics-api';
import { httpClient, type HttpClient } from '../providers/httpClient';

/** Days the panel covers when the list has no "Started from" filter. */
export const DEFAULT_DAYS = 30;

/** The figures' scope, from the list's filter: the same period and agent as the rows below them. */
export interface AnalyticsScope {
  /** Start, inclusive (ISO). */
  from: string;
  /** End, exclusive (ISO): the API needs both ends. */
  to: string;
  agentId: string | null;
  /** The browser's IANA zone: day buckets are the days the list's times are shown in. */
  timezone: string | null;
  /** The list sets no start: DEFAULT_DAYS days before the end. */
  defaultFrom: boolean;
  /** The list sets no end: the end of today. */
  defaultTo: boolean;
}

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

export const browserTimeZone = (): string | null => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
};

/**
 * The list's `startedAt_gte/lte` and `agentId` as the analytics API's `from`, `to` and `agentId`
 * ("me" resolved to the user). A missing end is the end of today; a missing start is
 * DEFAULT_DAYS days before the end. Defaults fall on local midnights, so the scope (and with it
 * the query key) stays put all day.
 */
export function analyticsScope(filter: Record<string, unknown>, userId: string | null, now = new Date(), timezone = browserTimeZone()): AnalyticsScope {
  const gte = text(filter.startedAt_gte);
  const lte = text(filter.startedAt_lte);
  const agent = text(filter.agentId);
  const endOfToday = addDays(startOfDay(now), 1);
  // an open end after a start in the future still has to end after it
  const to = lte ?? (gte && new Date(gte) >= endOfToday ? addDays(startOfDay(new Date(gte)), 1) : endOfToday).toISOString();
  const from = gte ?? addDays(startOfDay(new Date(lte ?? endOfToday)), -DEFAULT_DAYS).toISOString();
  return { from, to, agentId: agent === 'me' ? userId : agent, timezone, defaultFrom: gte === null, defaultTo: lte === null };
}

/** The call figures the panel shows, of a period or of one bucket, as the analytics API reports them. */
export type CallFigures = Omit<CallSeriesFigures, 'avgHandleSeconds'>;

/** One day of the panel's chart; `label` is its local start. */
export type CallBucket = CallFigures & Pick<SeriesBucket, 'label'>;

/**
 * Under the call-logs prefix, so that whatever refreshes the calls (a live call-log.created or
 * call-log.updated, a resync) refreshes the figures too.
 */
export const analyticsKey = (what: 'summary' | 'timeseries', scope: AnalyticsScope) => ['call-logs', 'analytics', what, scope] as const;

/** GET /analytics/summary: this period's call figures (the panel shows neither tickets nor the previous period). */
export async function fetchCallFigures(scope: AnalyticsScope, http: HttpClient = httpClient): Promise<CallFigures> {
  return (await fetchSummary(scope, http)).current.calls;
}

/** GET /analytics/calls/timeseries?interval=day: every day of the period, empty ones included. */
export async function fetchCallsPerDay(scope: AnalyticsScope, http: HttpClient = httpClient): Promise<CallBucket[]> {
  return (await fetchCallsTimeseries(scope, 'day', http)).current;
}

/** "Mar 1" for a bucket label (`YYYY-MM-DD…`): that calendar day, wherever the browser is. */
export function dayLabel(label: string, locale?: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(label);
  if (!day) return label;
  return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).toLocaleDateString(locale, { month: 'short', day: 'numeric' });
}

/** What the panel says it covers. */
export function periodLabel(scope: AnalyticsScope, locale?: string): string {
  const fmt = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (scope.defaultFrom) return scope.defaultTo ? `Last ${DEFAULT_DAYS} days` : `${DEFAULT_DAYS} days until ${fmt(scope.to)}`;
  return scope.defaultTo ? `Since ${fmt(scope.from)}` : `${fmt(scope.from)} – ${fmt(scope.to)}`;
}

/** 0.734 → "73%"; "—" without calls. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Per-day chart rows: inbound answered, inbound not answered (missed and abandoned), outbound. */
export function chartRows(buckets: readonly CallBucket[], locale?: string) {
  return buckets.map((b) => ({ day: dayLabel(b.label, locale), answered: b.answered, missed: b.missed + b.abandoned, outbound: b.outbound }));
}

