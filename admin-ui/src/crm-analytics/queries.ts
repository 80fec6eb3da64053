import { keepPreviousData } from '@tanstack/react-query';
import type { AnalyticsFilters } from '../analytics-api';
import { hasStatus } from '../providers/httpClient';

/** Keys of the page's queries; figures of the previous filters stay on screen while new ones load. */
export const crmQuery = (what: string, filters: AnalyticsFilters, ...more: unknown[]) => ({
  queryKey: ['analytics', 'crm', what, filters, ...more] as const,
  placeholderData: keepPreviousData,
  // a refusal (403) or bad filters (400) stay what they are however often one asks
  retry: (failures: number, error: unknown) => !hasStatus(error, 403) && !hasStatus(error, 400) && failures < 2,
});
