import type { EventEnvelope, EventName } from '@callpro/contracts';
import type { CallLogRecord } from '../call-logs/types';
import type { TicketRecord } from '../tickets/types';
import { callItem, feedChange, mergeFeed, refreshesFigures, ticketItem, type FeedItem } from './liveFeed';

const call = (id: string, startedAt: string, extra: Partial<CallLogRecord> = {}): CallLogRecord =>
  ({
    id,
    direction: 'inbound',
    status: 'completed',
    outcome: 'answered',
    fromNumber: '+12015550101',
    toNumber: '+12015550100',
    startedAt,
    agentId: 'agent-1',
    updatedAt: startedAt,
    ...extra,
  }) as CallLogRecord;

const ticket = (id: string, createdAt: string, extra: Partial<TicketRecord> = {}): TicketRecord =>
  ({ id, number: 1001, subject: 'Printer on fire', status: 'new', priority: 'high', assigneeId: null, createdAt, updatedAt: createdAt, ...extra }) as TicketRecord;

const event = (name: EventName, resourceId: string, payload: Record<string, unknown>, occurredAt = '2026-11-26T10:00:00.000Z'): EventEnvelope => ({
  id: `evt-${resourceId}-${occurredAt}`,
  name,
  tenantId: 'tenant-1',
  occurredAt,
  resourceId,
  subject: name.startsWith('call') ? 'CallLog' : 'Ticket',
  payload,
});

const keys = (items: FeedItem[]) => items.map((i) => i.key);

describe('mergeFeed', () => {
  it('interleaves calls and tickets, newest first, and keeps the limit', () => {
    const calls = [call('c2', '2026-11-26T09:30:00Z'), call('c1', '2026-11-26T08:00:00Z')].map(callItem);
    const tickets = [ticket('t1', '2026-11-26T09:00:00Z')].map(ticketItem);
    expect(keys(mergeFeed([calls, tickets]))).toEqual(['call:c2', 'ticket:t1', 'call:c1']);
    expect(keys(mergeFeed([calls, tickets], new Set(), 2))).toEqual(['call:c2', 'ticket:t1']);
  });

  it('keeps one entry per record, the most recently seen version', () => {
    const listed = callItem(call('c1', '2026-11-26T08:00:00Z', { outcome: null, status: 'ringing', updatedAt: '2026-11-26T08:00:01Z' }));
    const fromEvent = { ...listed, status: 'completed' as const, outcome: 'missed' as const, seenAt: '2026-11-26T08:01:00Z' };
    expect(mergeFeed([[listed], [fromEvent]])).toEqual([fromEvent]);
    // a list fetched after the event has a newer updatedAt and wins
    const refetched = { ...fromEvent, outcome: 'voicemail' as const, seenAt: '2026-11-26T08:02:00Z' };
    expect(mergeFeed([[refetched], [fromEvent]])).toEqual([refetched]);
  });

  it('leaves out deleted records', () => {
    const items = [ticketItem(ticket('t1', '2026-11-26T09:00:00Z')), ticketItem(ticket('t2', '2026-11-26T09:10:00Z'))];
    expect(keys(mergeFeed([items], new Set(['ticket:t2'])))).toEqual(['ticket:t1']);
  });
});

describe('feedChange', () => {
  const shown = [callItem(call('c1', '2026-11-26T08:00:00Z')), ticketItem(ticket('t1', '2026-11-26T09:00:00Z'))];

  it('adds a new call from its event, placed at its start', () => {
    const change = feedChange(
      event('call-log.created', 'c9', { agentId: 'agent-2', direction: 'outbound', status: 'completed', outcome: 'busy', fromNumber: '+12015550100', toNumber: '+12015550177', startedAt: '2026-11-26T09:58:00.000Z' }),
      shown,
    );
    expect(change).toEqual({
      upsert: {
        kind: 'call',
        key: 'call:c9',
        id: 'c9',
        at: '2026-11-26T09:58:00.000Z',
        seenAt: '2026-11-26T10:00:00.000Z',
        direction: 'outbound',
        status: 'completed',
        outcome: 'busy',
        fromNumber: '+12015550100',
        toNumber: '+12015550177',
        agentId: 'agent-2',
      },
    });
  });

  it('adds a new ticket, placed when it was created', () => {
    const change = feedChange(event('ticket.created', 't9', { assigneeId: null, number: 1042, subject: 'Call back', status: 'new', priority: 'urgent' }), shown);
    expect(change).toEqual({
      upsert: { kind: 'ticket', key: 'ticket:t9', id: 't9', at: '2026-11-26T10:00:00.000Z', seenAt: '2026-11-26T10:00:00.000Z', number: 1042, subject: 'Call back', status: 'new', priority: 'urgent', assigneeId: null },
    });
  });

  it('updates a shown entry in place, keeping its time, and ignores updates of records not shown', () => {
    const change = feedChange(event('ticket.updated', 't1', { assigneeId: 'agent-1', number: 1001, subject: 'Printer on fire', status: 'open', priority: 'high', changed: ['status'] }), shown);
    expect(change).toMatchObject({ upsert: { key: 'ticket:t1', at: '2026-11-26T09:00:00Z', status: 'open', assigneeId: 'agent-1' } });
    expect(feedChange(event('ticket.updated', 't-old', { assigneeId: null, status: 'closed' }), shown)).toBeNull();
    expect(feedChange(event('call-log.updated', 'c-old', { agentId: null }), shown)).toBeNull();
  });

  it('removes deleted calls and tickets', () => {
    expect(feedChange(event('call-log.updated', 'c1', { agentId: null, deleted: true }), shown)).toEqual({ remove: 'call:c1' });
    expect(feedChange(event('ticket.updated', 't1', { assigneeId: null, deleted: true }), shown)).toEqual({ remove: 'ticket:t1' });
  });

  it('ignores other events', () => {
    expect(feedChange(event('lead.updated', 'l1', { ownerId: null }), shown)).toBeNull();
    expect(feedChange(event('notification.created', 'n1', { userId: 'u' }), shown)).toBeNull();
  });
});

it('refreshes the figures on call, ticket and SLA events only', () => {
  expect(refreshesFigures(event('call-log.created', 'c', { agentId: null }))).toBe(true);
  expect(refreshesFigures(event('ticket.updated', 't', { assigneeId: null }))).toBe(true);
  expect(refreshesFigures(event('sla.breached', 't', { ticketId: 't' }))).toBe(true);
  expect(refreshesFigures(event('lead.updated', 'l', { ownerId: null }))).toBe(false);
  expect(refreshesFigures(event('ticket-note.created', 'n', { ticketId: 't' }))).toBe(false);
});
