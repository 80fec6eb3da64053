/**
 * The real-time event catalogue shared by the backend (publisher) and the admin UI (listener).
 * Every event carries `id`, `tenantId` and `occurredAt`; `room` says who receives it.
 */
export const EVENT_NAMES = [
  'ticket.created',
  'ticket.updated',
  'ticket-note.created',
  'call-log.created',
  'call-log.updated',
  'lead.updated',
  'sla.warning',
  'sla.breached',
  'notification.created',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The react-admin resource each event concerns, so a client knows which queries to refresh. */
export const EVENT_RESOURCE: Record<EventName, string> = {
  'ticket.created': 'tickets',
  'ticket.updated': 'tickets',
  'ticket-note.created': 'ticket-notes',
  'call-log.created': 'call-logs',
  'call-log.updated': 'call-logs',
  'lead.updated': 'leads',
  'sla.warning': 'tickets',
  'sla.breached': 'tickets',
  'notification.created': 'notifications',
};

/**
 * What travels over the socket. `subject` and `record` let the gateway check, per socket, that the
 * receiver may read the affected row (an agent gets no other agent's call logs).
 */
export interface EventEnvelope<P = Record<string, unknown>> {
  /** Unique event id (the outbox row id). */
  id: string;
  name: EventName;
  tenantId: string;
  occurredAt: string;
  /** The affected resource's id. */
  resourceId: string;
  /** CASL subject of the affected row, e.g. 'Ticket', 'CallLog', 'Notification'. */
  subject: string;
  /** The fields the ability's conditions need (e.g. assigneeId, agentId, userId) plus display fields. */
  payload: P;
  /** When set, only these users receive it (e.g. a notification's owner); otherwise the whole tenant, filtered by ability. */
  userIds?: string[];
}

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;
