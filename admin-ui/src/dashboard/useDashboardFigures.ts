import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { fetchCallsTimeseries, fetchSla, fetchSummary } from '../analytics-api';
import { hasStatus } from '../providers/httpClient';
import { useRealtimeEvents } from '../realtime/realtimeEvents';
import { hourlyRows } from './hourlyComparison';
import { buildKpis } from './kpis';
import { lastDaysSoFar, todayAndSameDayLastWeek, todayKey, todaySoFar } from './dashboardPeriods';
import { refreshesFigures } from './liveFeed';

/** Every dashboard figure sits under this key: one invalidation refetches them all. */
export const DASHBOARD_KEY = 'dashboard';
/** Events arriving within this window cause one refetch of the figures, not one each. */
export const REFRESH_COALESCE_MS = 1_000;

/** A 403 or 404 will not go away by asking again. */
export const retryUnlessRefused = (failures: number, error: unknown) => !hasStatus(error, 404) && !hasStatus(error, 403) && failures < 2;

/**
 * The KPI cards' figures for the tenant's today. "Now" is read when the figures are fetched (not
 * when the key was made), so a refetch after an event counts the call that caused it.
 */
export function useKpis(tenantId: string, timeZone: string, mine: boolean) {
  const day = todayKey(new Date(), timeZone);
  return useQuery({
    queryKey: [DASHBOARD_KEY, 'kpis', tenantId, timeZone, day, mine],
    queryFn: async () => {
      const now = new Date();
      const { today, yesterday } = todaySoFar(now, timeZone);
      const [todayAnswer, yesterdayAnswer, slaAnswer] = await Promise.all([
        fetchSummary({ ...today, timezone: timeZone }),
        fetchSummary({ ...yesterday, timezone: timeZone }),
        fetchSla({ ...lastDaysSoFar(now, timeZone), timezone: timeZone }),
      ]);
      // the API decides whose figures these are (an agent always gets their own)
      return buildKpis({ today: todayAnswer, yesterday: yesterdayAnswer, sla: slaAnswer }, mine || todayAnswer.agentId !== null);
    },
    retry: retryUnlessRefused,
  });
}

/** Calls per local hour today and on the same weekday last week. */
export function useCallsPerHour(tenantId: string, timeZone: string) {
  const day = todayKey(new Date(), timeZone);
  return useQuery({
    queryKey: [DASHBOARD_KEY, 'calls-per-hour', tenantId, timeZone, day],
    queryFn: async () => {
      const now = new Date();
      const { today, lastWeek } = todayAndSameDayLastWeek(now, timeZone);
      const [todaySeries, lastWeekSeries] = await Promise.all([
        fetchCallsTimeseries({ ...today, timezone: timeZone }, 'hour'),
        fetchCallsTimeseries({ ...lastWeek, timezone: timeZone }, 'hour'),
      ]);
      return { rows: hourlyRows(todaySeries.current, lastWeekSeries.current, now), mine: todaySeries.agentId !== null };
    },
    retry: retryUnlessRefused,
  });
}

/**
 * Refetches the dashboard's figures after call, ticket and SLA events, at most once per
 * REFRESH_COALESCE_MS however many arrive (a dialer posting a batch of calls).
 */
export function useLiveFigures(): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useRealtimeEvents((envelope) => {
    if (!refreshesFigures(envelope) || timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: [DASHBOARD_KEY] });
    }, REFRESH_COALESCE_MS);
  });
}
