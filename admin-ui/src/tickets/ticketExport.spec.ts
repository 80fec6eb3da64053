import { TICKET_CSV_COLUMNS, ticketCsvRows, toCsv } from './ticketExport';
import type { TicketRecord } from './types';

const base = {
  id: 't1', number: 1042, subject: 'Refund, "urgent"', description: null, status: 'open', priority: 'high', channel: 'phone',
  tags: ['billing', 'vip'], requesterName: '=HYPERLINK("x")', requesterPhone: '+12015550123', requesterEmail: null, leadId: null,
  assigneeId: 'u1', callLogId: null, firstRespondedAt: null, resolvedAt: null, closedAt: null, version: 3,
  createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z',
} as TicketRecord;

describe('ticket CSV export', () => {
  it('names the assignee, joins tags and quotes commas and quotes', () => {
    const csv = toCsv(TICKET_CSV_COLUMNS, ticketCsvRows([base], { u1: 'Ann Agent' }));
    const [header, row] = csv.split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['number', 'subject', 'status']);
    expect(row).toContain('1042,"Refund, ""urgent""",open,high,phone,"billing, vip"');
    expect(row).toContain(',Ann Agent,');
  });

  it('defuses cells a spreadsheet would run as formulas, but keeps E.164 phone numbers as they are', () => {
    const row = toCsv(TICKET_CSV_COLUMNS, ticketCsvRows([base], {})).split('\r\n')[1];
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain(',+12015550123,');
  });

  it('falls back to the id for an assignee who could not be loaded', () => {
    expect(ticketCsvRows([base], {})[0].assignee).toBe('u1');
  });
});
