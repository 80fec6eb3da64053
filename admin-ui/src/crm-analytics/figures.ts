import type { AgentFigures, AgentSortField, AnalyticsInterval } from '../analytics-api';

/** 0.734 → "73.4%"; "—" without a figure. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toString()}%`);

/** 3725 s → "1h 2m"; 125 s → "2m 5s"; "—" without a figure. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/** Minutes as a duration. */
export const minutes = (value: number | null | undefined) => (value === null || value === undefined ? '—' : duration(value * 60));

export type Trend = 'up' | 'down' | 'flat' | 'none';

/** How a figure moved against the previous period: the difference and, where it means something, the relative change. */
export function comparison(current: number | null, previous: number | null): { trend: Trend; delta: number | null; relative: number | null } {
  if (current === null || previous === null) return { trend: 'none', delta: null, relative: null };
  const delta = current - previous;
  const trend: Trend = Math.abs(delta) < 1e-9 ? 'flat' : delta > 0 ? 'up' : 'down';
  return { trend, delta, relative: previous === 0 ? null : delta / Math.abs(previous) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A bucket's local start (`YYYY-MM-DDTHH:mm`, already in the tenant's zone) as an axis label for its interval. */
export function bucketLabel(label: string, interval: AnalyticsInterval): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(label);
  if (!m) return label;
  const [, year, month, day, hour = '00', minute = '00'] = m;
  const monthName = MONTHS[Number(month) - 1];
  switch (interval) {
    case 'hour':
      return `${monthName} ${Number(day)} ${hour}:${minute}`;
    case 'day':
      return `${monthName} ${Number(day)}`;
    case 'week':
      return `Week of ${monthName} ${Number(day)}`;
    case 'month':
      return `${monthName} ${year}`;
  }
}

/**
 * The leaderboard in the order a column header asks for: figures first (missing ones last,
 * whichever the direction, as the API ranks them), ties by name.
 */
export function sortAgents(rows: readonly AgentFigures[], field: AgentSortField, order: 'ASC' | 'DESC'): AgentFigures[] {
  const byName = (a: AgentFigures, b: AgentFigures) => a.name.localeCompare(b.name);
  return [...rows].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return c === 0 ? byName(a, b) : order === 'ASC' ? c : -c;
  });
}
