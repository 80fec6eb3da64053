import type { DataProvider, Identifier } from 'react-admin';
import { API_URL, httpClient, type HttpClient } from '../providers/httpClient';
import { withNobodyFilters } from './nobodyFilter';
import { withBreachingSoonFilter } from './sla/breachingSoon';
import type { BulkTicketChanges, TicketRecord } from './types';

export interface BulkUpdateTicketsParams {
  ids: Identifier[];
  changes: BulkTicketChanges;
}

/** What the tickets screens need beyond react-admin's data provider methods. */
export interface TicketsApi {
  /** PATCH /tickets/bulk: one request, all or nothing (the stock updateMany sends one PUT per id). */
  bulkUpdateTickets(params: BulkUpdateTicketsParams): Promise<{ data: TicketRecord[] }>;
}

export type TicketsDataProvider = DataProvider & TicketsApi;

/**
 * The stock provider plus `bulkUpdateTickets`, `assigneeId: "none"` sent as null (unassigned), and
 * the "breaching soon" filter sent as a due-time bound. Everything else goes to `base` unchanged.
 */
export function withTicketsApi<D extends DataProvider>(base: D, http: HttpClient = httpClient, apiUrl = API_URL): D & TicketsApi {
  return {
    ...withBreachingSoonFilter(withNobodyFilters(base, 'tickets', ['assigneeId']), 'tickets'),
    async bulkUpdateTickets({ ids, changes }) {
      const { json } = await http(`${apiUrl}/tickets/bulk`, { method: 'PATCH', body: JSON.stringify({ ids, changes }) });
      return { data: json as TicketRecord[] };
    },
  };
}
