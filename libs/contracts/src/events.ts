import type { CallDirection, CallOutcome, CallStatus } from './calls';
import type { LeadStatus } from './leads';
import type { SlaMetric } from './sla';
import type { NoteVisibility, TicketPriority, TicketStatus } from './tickets';

/**
 * The real-time event catalogue shared by the backend (publisher) and the admin UI (listener).
 * Every event carries `id`, `tenantId` and `occurredAt`; `room` says who receives it.
 * docs/EVENTS.md has the same catalogue as a table.
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
 * The CASL subject each event is published with; the gateway checks `read` on it, with the
 * payload as the record, for every receiving socket.
 */
export const EVENT_SUBJECT: Record<EventName, string> = {
  'ticket.created': 'Ticket',
  'ticket.updated': 'Ticket',
  'ticket-note.created': 'TicketNote',
  'call-log.created': 'CallLog',
  'call-log.updated': 'CallLog',
  'lead.updated': 'Lead',
  'sla.warning': 'SlaEvent',
  'sla.breached': 'SlaEvent',
  'notification.created': 'Notification',
};

/**
 * Which room an event is emitted to: `tenant` = `tenant:<tenantId>` (every socket of the tenant,
 * each filtered by its ability), `user` = `user:<id>` for each of the envelope's `userIds`.
 */
export type EventRoom = 'tenant' | 'user';
export const EVENT_ROOM: Record<EventName, EventRoom> = {
  'ticket.created': 'tenant',
  'ticket.updated': 'tenant',
  'ticket-note.created': 'tenant',
  'call-log.created': 'tenant',
  'call-log.updated': 'tenant',
  'lead.updated': 'tenant',
  'sla.warning': 'tenant',
  'sla.breached': 'tenant',
  'notification.created': 'user',
};

export const NOTIFICATION_TYPES = ['ticket.assigned', 'sla.warning', 'sla.breached', 'call.missed'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * Payloads. Required fields are the ones the receivers' ability conditions read (an agent gets a
 * CallLog event only when `agentId` is theirs): leaving one out would hide the event from people
 * who may see it. The optional fields are what a toast shows; publishers may add more.
 */
interface Extensible {
  [field: string]: unknown;
}

export interface TicketEventPayload extends Extensible {
  assigneeId: string | null;
  number?: number;
  subject?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  /** ticket.updated: the names of the fields that changed. */
  changed?: string[];
  /** ticket.updated: the ticket was deleted (the catalogue has no ticket.deleted). */
  deleted?: boolean;
}

export interface TicketNoteEventPayload extends Extensible {
  ticketId: string;
  authorId: string;
  /** ISO-8601; the note edit window is checked against it. */
  createdAt: string;
  visibility?: NoteVisibility;
}

export interface CallLogEventPayload extends Extensible {
  agentId: string | null;
  direction?: CallDirection;
  status?: CallStatus;
  outcome?: CallOutcome | null;
  fromNumber?: string;
  toNumber?: string;
  ticketId?: string | null;
  leadId?: string | null;
}

export interface LeadEventPayload extends Extensible {
  ownerId: string | null;
  name?: string;
  status?: LeadStatus;
  changed?: string[];
  /** The lead was deleted (the catalogue has no lead.deleted). */
  deleted?: boolean;
}

/** The SlaEvent row's fields (DESIGN.md §6). */
export interface SlaAlertPayload extends Extensible {
  ticketId: string;
  policyId?: string;
  metric?: SlaMetric;
  /** Warnings: the percentage of the target that has elapsed (75, 90, …). */
  threshold?: number | null;
  dueAt?: string;
  occurredAt?: string;
  assigneeId?: string | null;
  /** The users notified of it (warning: the assignee, else the supervisors; breach: assignee, supervisors, org admins). */
  notifiedUserIds?: string[];
}

export interface NotificationEventPayload extends Extensible {
  /** The one user who receives it (also the envelope's only `userIds` entry). */
  userId: string;
  type: NotificationType;
  title: string;
  body: string | null;
  /** The react-admin resource and record the notification points to. */
  resource: string | null;
  resourceId: string | null;
  createdAt: string;
}

export interface EventPayloads {
  'ticket.created': TicketEventPayload;
  'ticket.updated': TicketEventPayload;
  'ticket-note.created': TicketNoteEventPayload;
  'call-log.created': CallLogEventPayload;
  'call-log.updated': CallLogEventPayload;
  'lead.updated': LeadEventPayload;
  'sla.warning': SlaAlertPayload;
  'sla.breached': SlaAlertPayload;
  'notification.created': NotificationEventPayload;
}

/**
 * What travels over the socket. `subject` and `record` let the gateway check, per socket, that the
 * receiver may read the affected row (an agent gets no other agent's call logs).
 */
export interface EventEnvelope<P = Record<string, unknown>> {
  /** Unique event id (the outbox row id). Delivery is at least once: clients may skip an id they have seen. */
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

/** An envelope whose payload type follows from its name. */
export type TypedEventEnvelope<N extends EventName = EventName> = { [K in N]: EventEnvelope<EventPayloads[K]> & { name: K } }[N];

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** Socket path on the app's HTTP port. The access token goes in the handshake's `auth.token`. */
export const SOCKET_PATH = '/socket.io';

/** Answer to `auth:refresh`. */
export type AuthRefreshAck = { ok: true; exp: number } | { ok: false; error: string };

/** Events the server sends besides the catalogue (socket.io-client typing). */
export type ServerToClientEvents = { [N in EventName]: (envelope: TypedEventEnvelope<N>) => void } & {
  /** The session ended (token expired without `auth:refresh`, or the user was deactivated); the socket closes next. */
  'auth:expired': (info: { reason: string }) => void;
  /** This instance is shutting down; the socket closes next. Connect again (to another instance). */
  'server:shutdown': (info: { reason: string }) => void;
};

export interface ClientToServerEvents {
  /** Swap in a newer access token for the same user before the current one expires. */
  'auth:refresh': (body: { token: string }, ack: (answer: AuthRefreshAck) => void) => void;
}
