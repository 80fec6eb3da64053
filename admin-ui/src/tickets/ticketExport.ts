import type { TicketRecord } from './types';

export const TICKET_CSV_COLUMNS = [
  'number',
  'subject',
  'status',
  'priority',
  'channel',
  'tags',
  'requesterName',
  'requesterPhone',
  'requesterEmail',
  'assignee',
  'createdAt',
  'updatedAt',
  'firstRespondedAt',
  'resolvedAt',
  'closedAt',
] as const;
type Column = (typeof TICKET_CSV_COLUMNS)[number];

/** One CSV row per ticket, with the assignee's name instead of their id. */
export function ticketCsvRows(tickets: TicketRecord[], userNames: Record<string, string>): Record<Column, string | number>[] {
  return tickets.map((t) => ({
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    tags: t.tags.join(', '),
    requesterName: t.requesterName ?? '',
    requesterPhone: t.requesterPhone ?? '',
    requesterEmail: t.requesterEmail ?? '',
    assignee: t.assigneeId ? (userNames[t.assigneeId] ?? t.assigneeId) : '',
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    firstRespondedAt: t.firstRespondedAt ?? '',
    resolvedAt: t.resolvedAt ?? '',
    closedAt: t.closedAt ?? '',
  }));
}

const E164 = /^\+\d{4,15}$/;

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe (phone numbers in E.164 excepted): ticket subjects and requester names come from outside.
 */
export function toCsv<C extends string>(columns: readonly C[], rows: Record<C, string | number>[]): string {
  const cell = (value: string | number) => {
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !E164.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n');
}
