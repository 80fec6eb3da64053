import { API_URL, httpClient, type HttpClient } from '../providers/httpClient';

export const NOTIFICATIONS = 'notifications';

/**
 * Under the resource's prefix, so that whatever refreshes the notifications (a live
 * notification.created, a resync, marking read) refreshes the bell's count too.
 */
export const UNREAD_COUNT_KEY = [NOTIFICATIONS, 'unreadCount'] as const;

/** GET /notifications/unread-count: the caller's unread notifications. */
export async function fetchUnreadCount(http: HttpClient = httpClient): Promise<number> {
  const { json } = await http(`${API_URL}/notifications/unread-count`);
  return (json as { count: number }).count;
}

/** POST /notifications/read-all; resolves to how many were unread. */
export async function markAllNotificationsRead(http: HttpClient = httpClient): Promise<number> {
  const { json } = await http(`${API_URL}/notifications/read-all`, { method: 'POST' });
  return (json as { updated: number }).updated;
}
