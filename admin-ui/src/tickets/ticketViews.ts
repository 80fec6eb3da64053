import type { TicketStatus } from '@callpro/contracts';
import { NOBODY } from './nobodyFilter';

/** A predefined filter of the tickets list ("saved filter"). */
export interface TicketView {
  label: string;
  value: TicketViewFilter;
}
export type TicketViewFilter = { assigneeId?: string; status?: TicketStatus[] };

export const TICKET_VIEWS: readonly TicketView[] = [
  { label: 'My open tickets', value: { assigneeId: 'me', status: ['new', 'open'] } },
  { label: 'Unassigned', value: { assigneeId: NOBODY } },
  { label: 'Pending', value: { status: ['pending'] } },
];

/** The filters a view sets; choosing a view replaces these and keeps the others (search, priority …). */
const VIEW_KEYS = ['assigneeId', 'status'] as const;

const normalised = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? [...value].map(String).sort().join(',') : String(value);
};

/** A view is selected when the list filters exactly what it filters (status in any order). */
export function isViewSelected(view: TicketViewFilter, filters: Record<string, unknown>): boolean {
  return VIEW_KEYS.every((key) => normalised(view[key]) === normalised(filters[key]));
}

/** Clicking a view: selects it (replacing another view), or clears it when it was selected. */
export function toggleView(view: TicketViewFilter, filters: Record<string, unknown>): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(filters).filter(([key]) => !(VIEW_KEYS as readonly string[]).includes(key)));
  return isViewSelected(view, filters) ? rest : { ...rest, ...view };
}
