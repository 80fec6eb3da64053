import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useDataProvider, useNavigate, useNotify, useResourceDefinitions, type Identifier } from 'react-admin';
import { canAccessResource } from '../providers/canAccess';
import { useSession } from '../providers/useSession';
import { markAllNotificationsRead, NOTIFICATIONS } from './notificationsApi';
import { notificationTarget, type MayOpen } from './notificationTarget';
import type { NotificationRecord } from './types';

export interface NotificationActions {
  /** Goes to what the notification points to (if anything) and marks it read. */
  open(notification: NotificationRecord): void;
  /** PUTs `read` on each id; resolves to whether all of them succeeded. */
  setRead(ids: readonly Identifier[], read: boolean): Promise<boolean>;
  markAllRead(): Promise<void>;
}

/**
 * Marking read or unread, shared by the bell and the list. Afterwards every notifications query is
 * refreshed (list, dropdown and unread count share the resource's key prefix).
 */
export function useNotificationActions(): NotificationActions {
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const resources = useResourceDefinitions();
  const { ability, tenantId } = useSession();
  const mayOpen = useCallback<MayOpen>(
    // before the session has loaded, react-admin's own route check decides
    (action, resource, id) => !ability || canAccessResource({ ability, tenantId }, { action, resource, record: id ? { id } : undefined }),
    [ability, tenantId],
  );

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS] }), [queryClient]);

  const setRead = useCallback(
    async (ids: readonly Identifier[], read: boolean) => {
      const results = await Promise.allSettled(ids.map((id) => dataProvider.update(NOTIFICATIONS, { id, data: { read }, previousData: { id } })));
      await refresh();
      const failed = results.filter((r) => r.status === 'rejected').length;
      if (failed) notify(`${failed} of ${ids.length} notifications could not be updated`, { type: 'error' });
      return failed === 0;
    },
    [dataProvider, notify, refresh],
  );

  const open = useCallback(
    (notification: NotificationRecord) => {
      const target = notificationTarget(notification, resources, mayOpen);
      if (target) navigate(target);
      if (!notification.read) void setRead([notification.id], true);
    },
    [navigate, resources, mayOpen, setRead],
  );

  const markAllRead = useCallback(async () => {
    try {
      await markAllNotificationsRead();
    } catch {
      notify('Notifications could not be marked read', { type: 'error' });
    }
    await refresh();
  }, [notify, refresh]);

  return useMemo(() => ({ open, setRead, markAllRead }), [open, setRead, markAllRead]);
}
