import type { CallDirection, CallOutcome, CallStatus, EventEnvelope, TicketPriority, TicketStatus } from '@callpro/contracts';
import type { CallLogRecord } from '../call-logs/types';
import type { TicketRecord } from '../tickets/types';

/** How many entries the feed keeps. */
export const FEED_LIMIT = 15;

interface FeedEntry {
  /** `call:<id>` or `ticket:<id>`: one entry per record. */
  key: string;
  id: string;
  /** When it happened (a call's start, a ticket's creation): the feed's order, newest first. */
  at: string;
  /** How recent this version of the entry is (record's updatedAt, event's occurredAt): the newer one wins a merge. */
  seenAt: string;
}

export interface FeedCall extends FeedEntry {
  kind: 'call';
  direction: CallDirection;
  status: CallStatus;
  outcome: CallOutcome | null;
  fromNumber: string;
  toNumber: string;
  agentId: string | null;
}

export interface FeedTicket extends FeedEntry {
  kind: 'ticket';
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
}

export type FeedItem = FeedCall | FeedTicket;

/** What one event does to the feed. */
export type FeedChange = { upsert: FeedItem } | { remove: string } | null;

export const callKey = (id: string) => `call:${id}`;
export const ticketKey = (id: string) => `ticket:${id}`;

export function callItem(call: CallLogRecord): FeedCall {
  return {
    kind: 'call',
    key: callKey(call.id),
    id: call.id,
    at: call.startedAt,
    seenAt: call.updatedAt,
    direction: call.direction,
    status: call.status,
    outcome: call.outcome,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    agentId: call.agentId,
  };
}

export function ticketItem(ticket: TicketRecord): FeedTicket {
  return {
    kind: 'ticket',
    key: ticketKey(ticket.id),
    id: ticket.id,
    at: ticket.createdAt,
    seenAt: ticket.updatedAt,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    assigneeId: ticket.assigneeId,
  };
}

const isNewer = (a: FeedItem, b: FeedItem) => Date.parse(a.seenAt) >= Date.parse(b.seenAt);

/**
 * One feed from several sources (the lists' first pages, entries from events): one entry per
 * record, the most recently seen version of it, newest first, at most `limit`. Entries in
 * `removed` (deleted records) are left out.
 */
export function mergeFeed(sources: readonly (readonly FeedItem[])[], removed: ReadonlySet<string> = new Set(), limit = FEED_LIMIT): FeedItem[] {
  const byKey = new Map<string, FeedItem>();
  for (const items of sources) {
    for (const item of items) {
      if (removed.has(item.key)) continue;
      const known = byKey.get(item.key);
      if (!known || isNewer(item, known)) byKey.set(item.key, item);
    }
  }
  return [...byKey.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.key.localeCompare(b.key)).slice(0, limit);
}

type Payload = Record<string, unknown>;
const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/**
 * The feed change an event makes, given the entries shown (`shown`). A new call or ticket is
 * added; an updated one replaces its entry if it is shown (an old record changing does not
 * enter a feed of the latest ones); a deleted one is removed. Other events change nothing.
 */
export function feedChange(envelope: EventEnvelope, shown: readonly FeedItem[]): FeedChange {
  const payload = envelope.payload as Payload;
  const { name, resourceId: id, occurredAt } = envelope;
  switch (name) {
    case 'call-log.created':
    case 'call-log.updated': {
      const key = callKey(id);
      if (payload.deleted === true) return { remove: key };
      const known = shown.find((item): item is FeedCall => item.key === key);
      if (name === 'call-log.updated' && !known) return null;
      return {
        upsert: {
          kind: 'call',
          key,
          id,
          at: text(payload.startedAt, known?.at ?? occurredAt),
          seenAt: occurredAt,
          direction: (payload.direction as CallDirection | undefined) ?? known?.direction ?? 'inbound',
          status: (payload.status as CallStatus | undefined) ?? known?.status ?? 'completed',
          outcome: (payload.outcome as CallOutcome | null | undefined) ?? known?.outcome ?? null,
          fromNumber: text(payload.fromNumber, known?.fromNumber ?? ''),
          toNumber: text(payload.toNumber, known?.toNumber ?? ''),
          agentId: (payload.agentId as string | null | undefined) ?? null,
        },
      };
    }
    case 'ticket.created':
    case 'ticket.updated': {
      const key = ticketKey(id);
      if (payload.deleted === true) return { remove: key };
      const known = shown.find((item): item is FeedTicket => item.key === key);
      if (name === 'ticket.updated' && !known) return null;
      return {
        upsert: {
          kind: 'ticket',
          key,
          id,
          at: known?.at ?? occurredAt,
          seenAt: occurredAt,
          number: typeof payload.number === 'number' ? payload.number : (known?.number ?? 0),
          subject: text(payload.subject, known?.subject ?? ''),
          status: (payload.status as TicketStatus | undefined) ?? known?.status ?? 'new',
          priority: (payload.priority as TicketPriority | undefined) ?? known?.priority ?? 'normal',
          assigneeId: (payload.assigneeId as string | null | undefined) ?? null,
        },
      };
    }
    default:
      return null;
  }
}

/** Events after which the KPIs and the hourly chart are fetched again. */
export const refreshesFigures = (envelope: EventEnvelope) =>
  envelope.name.startsWith('call-log.') || envelope.name.startsWith('ticket.') || envelope.name.startsWith('sla.');
