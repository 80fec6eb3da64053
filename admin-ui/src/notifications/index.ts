import NotificationsIcon from '@mui/icons-material/Notifications';
import { NotificationList } from './NotificationList';
import type { NotificationRecord } from './types';

const notifications = {
  list: NotificationList,
  icon: NotificationsIcon,
  recordRepresentation: (record: NotificationRecord) => record.title,
};

export default notifications;
