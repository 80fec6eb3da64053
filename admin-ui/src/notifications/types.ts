import type { NotificationType } from '@callpro/contracts';

/** GET /notifications → one row (the caller's own). */
export interface NotificationRecord {
  id: string;
  userId: string;
  type: NotificationType;
  title: string;
  body: string | null;
  /** The react-admin resource and record it points to, e.g. "tickets" and a ticket id. */
  resource: string | null;
  resourceId: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  'ticket.assigned': 'Ticket assigned',
  'sla.warning': 'SLA warning',
  'sla.breached': 'SLA breached',
  'call.missed': 'Missed call',
};
