import { downloadCSV } from 'ra-core';
import { API_URL, httpClient, type HttpClient } from '../providers/httpClient';
import { analyticsSearch, type AnalyticsFilters } from './analyticsQuery';
import type {
  AgentSortField,
  AgentsAnswer,
  AnalyticsAnswer,
  AnalyticsInterval,
  CallHeatmapCell,
  CallSeriesBucket,
  ExportReport,
  SeriesAnswer,
  SlaAnswer,
  SummaryAnswer,
  TicketBreakdown,
  TicketSeriesBucket,
} from './types';

const get = async <T>(path: string, query: string, http: HttpClient): Promise<T> => (await http(`${API_URL}/analytics/${path}?${query}`)).json as T;

/** GET /analytics/summary: calls, tickets and SLA key figures, this period and the previous one. */
export const fetchSummary = (filters: AnalyticsFilters, http: HttpClient = httpClient) => get<SummaryAnswer>('summary', analyticsSearch(filters), http);

/** GET /analytics/calls/timeseries: every bucket of the period, empty ones included. */
export const fetchCallsTimeseries = (filters: AnalyticsFilters, interval: AnalyticsInterval, http: HttpClient = httpClient) =>
  get<SeriesAnswer<CallSeriesBucket>>('calls/timeseries', analyticsSearch(filters, { interval }), http);

/** GET /analytics/calls/heatmap: all 168 local weekday × hour cells, Monday 00 first. */
export const fetchCallsHeatmap = (filters: AnalyticsFilters, http: HttpClient = httpClient) =>
  get<AnalyticsAnswer<CallHeatmapCell[]>>('calls/heatmap', analyticsSearch(filters), http);

/** GET /analytics/tickets/timeseries: tickets created and resolved per bucket. */
export const fetchTicketsTimeseries = (filters: AnalyticsFilters, interval: AnalyticsInterval, http: HttpClient = httpClient) =>
  get<SeriesAnswer<TicketSeriesBucket>>('tickets/timeseries', analyticsSearch(filters, { interval }), http);

/** GET /analytics/tickets/breakdown: tickets created in the period by status, priority, channel and tag. */
export const fetchTicketsBreakdown = (filters: AnalyticsFilters, http: HttpClient = httpClient) =>
  get<AnalyticsAnswer<TicketBreakdown>>('tickets/breakdown', analyticsSearch(filters), http);

/** GET /analytics/agents: the leaderboard (403 for agents: it compares people). */
export const fetchAgentsLeaderboard = (filters: AnalyticsFilters, sort?: { sort: AgentSortField; order: 'ASC' | 'DESC' }, http: HttpClient = httpClient) =>
  get<AgentsAnswer>('agents', analyticsSearch(filters, sort ?? {}), http);

/** GET /analytics/sla: compliance per policy and metric, breaches per day, tickets about to breach. */
export const fetchSla = (filters: AnalyticsFilters, http: HttpClient = httpClient) => get<SlaAnswer>('sla', analyticsSearch(filters), http);

/** `report-….csv` from `attachment; filename="report-….csv"`, without the extension (downloadCSV adds it). */
export function exportFileName(contentDisposition: string | null, report: ExportReport): string {
  const name = contentDisposition ? /filename="?([^";]+)"?/i.exec(contentDisposition)?.[1] : undefined;
  return (name ?? report).replace(/\.csv$/i, '');
}

/**
 * GET /analytics/export as the signed-in user (the Bearer header rules out a plain link) and saves
 * it under the server's file name. The text arrives without its BOM (fetch decodes it away); it is
 * put back so that spreadsheets read the file as UTF-8.
 */
export async function downloadAnalyticsExport(filters: AnalyticsFilters, report: ExportReport, http: HttpClient = httpClient): Promise<void> {
  const { body, headers } = await http(`${API_URL}/analytics/export?${analyticsSearch(filters, { report, format: 'csv' })}`, {
    headers: new Headers({ Accept: 'text/csv' }),
  });
  downloadCSV(`\ufeff${body}`, exportFileName(headers.get('Content-Disposition'), report));
}
