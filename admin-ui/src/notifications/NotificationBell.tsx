import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  CircularProgress,
  Divider,
  IconButton,
  List,
  ListItemButton,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState, type MouseEvent } from 'react';
import { LinkBase, useCanAccess, useGetList } from 'react-admin';
import { fetchUnreadCount, NOTIFICATIONS, UNREAD_COUNT_KEY } from './notificationsApi';
import { exactTime, relativeTime } from './relativeTime';
import type { NotificationRecord } from './types';
import { useNotificationActions } from './useNotificationActions';

const RECENT = 10;

const UnreadDot = ({ unread }: { unread: boolean }) => (
  <Box
    component="span"
    aria-label={unread ? 'unread' : undefined}
    sx={{ width: 8, height: 8, mt: 0.9, mr: 1.5, flexShrink: 0, borderRadius: '50%', bgcolor: unread ? 'primary.main' : 'transparent' }}
  />
);

const NotificationRow = ({ notification, onClick }: { notification: NotificationRecord; onClick: () => void }) => (
  <ListItemButton onClick={onClick} alignItems="flex-start" sx={{ py: 1 }}>
    <UnreadDot unread={!notification.read} />
    <Box sx={{ minWidth: 0, flex: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: notification.read ? 400 : 600 }}>
        {notification.title}
      </Typography>
      {notification.body && (
        <Typography variant="body2" color="text.secondary" noWrap>
          {notification.body}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary" component="time" dateTime={notification.createdAt} title={exactTime(notification.createdAt)}>
        {relativeTime(notification.createdAt)}
      </Typography>
    </Box>
  </ListItemButton>
);

const RecentNotifications = ({ onNavigate }: { onNavigate: () => void }) => {
  const actions = useNotificationActions();
  const { data = [], isPending, error } = useGetList<NotificationRecord>(NOTIFICATIONS, {
    pagination: { page: 1, perPage: RECENT },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  if (isPending) return <CircularProgress size={24} sx={{ display: 'block', mx: 'auto', my: 3 }} />;
  if (error) return <Typography sx={{ p: 2 }} color="error">Notifications could not be loaded</Typography>;
  if (data.length === 0) return <Typography sx={{ p: 3, textAlign: 'center' }} color="text.secondary">You&apos;re all caught up</Typography>;
  return (
    <List dense disablePadding sx={{ maxHeight: 420, overflowY: 'auto' }}>
      {data.map((notification) => (
        <NotificationRow
          key={notification.id}
          notification={notification}
          onClick={() => {
            onNavigate();
            actions.open(notification);
          }}
        />
      ))}
    </List>
  );
};

const Bell = () => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { markAllRead } = useNotificationActions();
  const { data: unread = 0 } = useQuery({ queryKey: UNREAD_COUNT_KEY, queryFn: () => fetchUnreadCount() });
  const close = () => setAnchor(null);
  return (
    <>
      <Tooltip title="Notifications">
        <IconButton
          color="inherit"
          aria-label={unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`}
          aria-haspopup="dialog"
          onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={unread} max={99} color="error">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Recent notifications', sx: { width: 380, maxWidth: 'calc(100vw - 32px)' } } }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1 }}>
          <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 600 }}>
            Notifications
          </Typography>
          <Button size="small" disabled={unread === 0} onClick={() => void markAllRead()}>
            Mark all read
          </Button>
        </Box>
        <Divider />
        {anchor !== null && <RecentNotifications onNavigate={close} />}
        <Divider />
        <Box sx={{ textAlign: 'center', py: 0.5 }}>
          <Button size="small" component={LinkBase} to={`/${NOTIFICATIONS}`} onClick={close}>
            See all
          </Button>
        </Box>
      </Popover>
    </>
  );
};

/** The app bar's bell: live unread count, the latest notifications, mark read, and a link to all. */
export const NotificationBell = () => {
  // a super admin without a chosen tenant has no notifications to read
  const { canAccess } = useCanAccess({ resource: NOTIFICATIONS, action: 'list' });
  return canAccess ? <Bell /> : null;
};
