import type { TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../tickets/ticketLabels';
import type { AuditAction, AuditChange } from './types';

const FIELD_LABELS: Record<string, string> = {
  number: 'Number',
  subject: 'Subject',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  channel: 'Channel',
  tags: 'Tags',
  requesterName: 'Requester name',
  requesterPhone: 'Requester phone',
  requesterEmail: 'Requester email',
  leadId: 'Lead',
  assigneeId: 'Assignee',
  callLogId: 'Call',
  firstRespondedAt: 'First response',
  resolvedAt: 'Resolved',
  closedAt: 'Closed',
};

/** Fields whose values are ids of another resource: shown by the referenced record's name. */
export const REFERENCE_FIELDS: Record<string, string> = { assigneeId: 'users', leadId: 'leads', ownerId: 'users' };

const DATE_FIELDS = new Set(['firstRespondedAt', 'resolvedAt', 'closedAt', 'lastContactedAt']);
const EXCERPT = 120;

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'created the ticket',
  update: 'changed the ticket',
  status: 'changed the status',
  assign: 'changed the assignee',
  note: 'changed the notes',
  delete: 'deleted the ticket',
};

/** "requesterPhone" → "Requester phone"; unknown fields are split at capitals. */
export function fieldLabel(field: string): string {
  if (Object.hasOwn(FIELD_LABELS, field)) return FIELD_LABELS[field];
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A value of the history as text: labels for statuses and priorities, tags joined, "—" for none. */
export function formatValue(field: string, value: unknown): string {
  if (isEmpty(value)) return '—';
  if (field === 'status') return STATUS_LABELS[value as TicketStatus] ?? String(value);
  if (field === 'priority') return PRIORITY_LABELS[value as TicketPriority] ?? String(value);
  if (field === 'channel') return CHANNEL_LABELS[value as TicketChannel] ?? String(value);
  if (field === 'number') return `#${String(value)}`;
  if (DATE_FIELDS.has(field) && typeof value === 'string') return new Date(value).toLocaleString();
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'string') return excerpt(value);
  return JSON.stringify(value);
}

interface NoteState {
  visibility?: string;
  body?: string;
}

const asNote = (value: unknown): NoteState | null => (typeof value === 'object' && value !== null ? (value as NoteState) : null);

/** A note's entry (`field: "note"`): added, edited or deleted, which kind, and what it says. */
export function describeNoteChange(change: AuditChange): { summary: string; body: string } {
  const [from, to] = [asNote(change.from), asNote(change.to)];
  const note = to ?? from;
  const kind = note?.visibility === 'public' ? 'a public reply' : 'an internal note';
  const verb = !from ? 'Added' : !to ? 'Deleted' : 'Edited';
  const visibilityChanged = from && to && from.visibility !== to.visibility ? ` (now ${to.visibility})` : '';
  return { summary: `${verb} ${kind}${visibilityChanged}`, body: excerpt(note?.body ?? '') };
}
