import type { AnalyticsInterval, AgentSortField } from './types';

/** The filters every analytics endpoint takes: `from` ≤ t < `to` (ISO instants, at most 400 days apart). */
export interface AnalyticsFilters {
  from: string;
  to: string;
  /** Only this user's figures; absent = the whole tenant (an agent always gets their own). */
  agentId?: string | null;
  /** IANA zone of buckets and local hours; absent = the tenant's. */
  timezone?: string | null;
}

/** `from`, `to`, and `agentId`/`timezone` when set, plus endpoint-specific parameters. */
export function analyticsSearch(filters: AnalyticsFilters, extra: { interval?: AnalyticsInterval; sort?: AgentSortField; order?: 'ASC' | 'DESC'; report?: string; format?: 'csv' } = {}): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.agentId) params.set('agentId', filters.agentId);
  if (filters.timezone) params.set('timezone', filters.timezone);
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  return params.toString();
}
