import {
  EVENT_RESOURCE,
  type EventEnvelope,
  type EventName,
  type NotificationEventPayload,
  type SlaAlertPayload,
  type TypedEventEnvelope,
} from '@callpro/contracts';

/** A react-admin (TanStack) query key prefix: `[resource]` matches every getList/getOne/getMany… of it. */
export type QueryKeyPrefix = readonly unknown[];

/** Resources whose screens show what an event changed, besides the event's own resource. */
const ALSO_AFFECTED: Partial<Record<EventName, readonly string[]>> = {
  // a ticket's history tab lists its audit events; its SLA log gets applied/paused/resumed/met rows
  'ticket.created': ['audit-events', 'sla-events'],
  'ticket.updated': ['audit-events', 'sla-events'],
  'lead.updated': ['audit-events'],
  'sla.warning': ['sla-events'],
  'sla.breached': ['sla-events'],
};

const isKnown = (name: string): name is EventName => Object.hasOwn(EVENT_RESOURCE, name);

/**
 * The queries to invalidate for an event: every query of its resource (lists, detail pages,
 * references), the screens it also shows up on, and, for calls, the linked lead and ticket
 * (a call updates a lead's last contact and can be a ticket's first response).
 */
export function queryKeysFor(envelope: EventEnvelope): QueryKeyPrefix[] {
  if (!isKnown(envelope.name)) return [];
  const resources = [EVENT_RESOURCE[envelope.name], ...(ALSO_AFFECTED[envelope.name] ?? [])];
  const keys: QueryKeyPrefix[] = resources.map((resource) => [resource]);
  if (envelope.name === 'call-log.created' || envelope.name === 'call-log.updated') {
    const { leadId, ticketId } = envelope.payload as { leadId?: string | null; ticketId?: string | null };
    if (leadId) keys.push(['leads']);
    if (ticketId) keys.push(['tickets']);
  }
  return keys;
}

/** react-admin keeps the session's answers under `['auth', …]`; everything else is data to refetch after a gap. */
export function isDataQuery(queryKey: readonly unknown[]): boolean {
  return queryKey[0] !== 'auth';
}

export interface Toast {
  message: string;
  type: 'info' | 'warning' | 'error';
  /** The same thing told twice (an SLA event and its notification) has the same key. */
  key: string;
}

const METRIC_LABELS: Record<string, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
};

const NOTIFICATION_TOAST_TYPE: Record<string, Toast['type']> = {
  'sla.warning': 'warning',
  'sla.breached': 'error',
};

function slaToast(name: 'sla.warning' | 'sla.breached', payload: SlaAlertPayload): Toast {
  const metric = METRIC_LABELS[payload.metric ?? ''] ?? 'SLA';
  const ticket = typeof payload.number === 'number' ? `ticket #${payload.number}` : 'a ticket';
  if (name === 'sla.breached') return { message: `SLA breached: ${metric} target missed on ${ticket}`, type: 'error', key: `${name}:${payload.ticketId}` };
  const used = typeof payload.threshold === 'number' ? ` (${payload.threshold}% of the time used)` : '';
  return { message: `SLA warning: ${metric} due soon on ${ticket}${used}`, type: 'warning', key: `${name}:${payload.ticketId}` };
}

/**
 * Whom an SLA alert concerns: the users it notified (warning: the assignee, or the supervisors
 * when nobody is assigned; breach: the assignee, supervisors and org admins). An event without
 * the list (published before it existed) concerns its assignee.
 */
function concerns(payload: SlaAlertPayload, userId: string): boolean {
  return Array.isArray(payload.notifiedUserIds) ? payload.notifiedUserIds.includes(userId) : payload.assigneeId === userId;
}

/**
 * The toast an event deserves for user `userId`, if any. Notifications are the server's word
 * for "this concerns you" (ticket assigned to you by someone else, SLA alerts, missed calls), so
 * each one is shown with its title. SLA alerts are shown to the users they notified, keyed
 * like their notification so that only the first of the two appears. A plain ticket.updated that
 * assigns the user is not toasted: it does not say who assigned it (the user may have taken it
 * themselves), and the server sends a notification exactly when someone else did.
 */
export function toastFor(envelope: EventEnvelope, userId: string): Toast | null {
  const event = envelope as TypedEventEnvelope;
  switch (event.name) {
    case 'notification.created': {
      const payload: NotificationEventPayload = event.payload;
      if (payload.userId !== userId) return null;
      return {
        message: payload.title,
        type: NOTIFICATION_TOAST_TYPE[payload.type] ?? 'info',
        key: `${payload.type}:${payload.resourceId ?? event.resourceId}`,
      };
    }
    case 'sla.warning':
    case 'sla.breached':
      return concerns(event.payload, userId) ? slaToast(event.name, event.payload) : null;
    default:
      return null;
  }
}

/** Lets a toast key through once per `windowMs`. */
export function createToastGate(windowMs = 30_000, now: () => number = Date.now): (key: string) => boolean {
  const shown = new Map<string, number>();
  return (key) => {
    const at = now();
    for (const [k, when] of shown) if (at - when >= windowMs) shown.delete(k);
    if (shown.has(key)) return false;
    shown.set(key, at);
    return true;
  };
}
