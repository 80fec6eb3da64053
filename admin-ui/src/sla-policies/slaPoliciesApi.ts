import { API_URL, httpClient, type HttpClient } from '../providers/httpClient';
import type { SlaPolicyRecord } from './types';

/** POST /sla-policies/reorder: every policy of the tenant once, first match first; answers them in their new order. */
export async function reorderSlaPolicies(ids: readonly string[], http: HttpClient = httpClient): Promise<SlaPolicyRecord[]> {
  const { json } = await http(`${API_URL}/sla-policies/reorder`, { method: 'POST', body: JSON.stringify({ ids }) });
  return json as SlaPolicyRecord[];
}
