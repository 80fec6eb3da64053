import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readPageState, writePageState, type AnalyticsPageState } from './analyticsPeriod';

/** The page's filters, kept in the URL query so that a link shows the same figures. */
export function useAnalyticsPageState(): [AnalyticsPageState, (change: Partial<AnalyticsPageState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readPageState(params), [params]);
  const update = useCallback((change: Partial<AnalyticsPageState>) => setParams(writePageState({ ...readPageState(params), ...change })), [params, setParams]);
  return [state, update];
}
