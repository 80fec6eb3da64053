import DoneAllIcon from '@mui/icons-material/DoneAll';
import DraftsIcon from '@mui/icons-material/Drafts';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import { Box, Chip, Typography } from '@mui/material';
import { NOTIFICATION_TYPES } from '@callpro/contracts';
import { useState } from 'react';
import {
  Button,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { exactTime, relativeTime } from './relativeTime';
import { NOTIFICATION_TYPE_LABELS, type NotificationRecord } from './types';
import { useNotificationActions } from './useNotificationActions';

const filters = [
  <NullableBooleanInput key="read" source="read" label="Show" nullLabel="All" falseLabel="Unread" trueLabel="Read" alwaysOn />,
  <SearchInput key="q" source="q" alwaysOn placeholder="Title or text" />,
  <SelectInput key="type" source="type" choices={NOTIFICATION_TYPES.map((id) => ({ id, name: NOTIFICATION_TYPE_LABELS[id] }))} />,
];

const AllCaughtUp = ({ text = "You're all caught up" }: { text?: string }) => (
  <Box sx={{ textAlign: 'center', m: 4 }}>
    <NotificationsNoneIcon sx={{ fontSize: 64, color: 'text.disabled' }} />
    <Typography variant="h6" sx={{ mt: 1 }}>
      {text}
    </Typography>
  </Box>
);

/** With filters applied: "all caught up" when looking at unread ones, else no matches. */
const NothingMatches = () => {
  const { filterValues } = useListContext();
  return <AllCaughtUp text={filterValues.read === false ? "You're all caught up" : 'No notifications match'} />;
};

const MarkAllReadButton = () => {
  const { markAllRead } = useNotificationActions();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    await markAllRead();
    setPending(false);
  };
  return <Button label="Mark all read" onClick={() => void run()} disabled={pending} startIcon={<DoneAllIcon />} />;
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <MarkAllReadButton />
  </TopToolbar>
);

/** Bulk action: PUT `read` on each selected notification. */
const MarkSelectedButton = ({ read }: { read: boolean }) => {
  const { selectedIds, onUnselectItems } = useListContext();
  const { setRead } = useNotificationActions();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    if (await setRead(selectedIds, read)) onUnselectItems();
    setPending(false);
  };
  return (
    <Button
      label={read ? 'Mark read' : 'Mark unread'}
      onClick={() => void run()}
      disabled={pending}
      startIcon={read ? <DraftsIcon /> : <MarkEmailUnreadIcon />}
    />
  );
};

const Title = ({ record }: { record: NotificationRecord }) => (
  <Box sx={{ display: 'flex', alignItems: 'center' }}>
    <Box
      component="span"
      aria-label={record.read ? undefined : 'unread'}
      sx={{ width: 8, height: 8, mr: 1, flexShrink: 0, borderRadius: '50%', bgcolor: record.read ? 'transparent' : 'primary.main' }}
    />
    <Typography variant="body2" sx={{ fontWeight: record.read ? 400 : 600 }}>
      {record.title}
    </Typography>
  </Box>
);

export const NotificationList = () => {
  const { open } = useNotificationActions();
  return (
    <List filters={filters} actions={<ListActions />} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} empty={<AllCaughtUp />}>
      <DataTable<NotificationRecord>
        rowClick={(_id, _resource, record) => {
          open(record);
          return false;
        }}
        bulkActionButtons={
          <>
            <MarkSelectedButton read />
            <MarkSelectedButton read={false} />
          </>
        }
        empty={<NothingMatches />}
      >
        <DataTable.Col<NotificationRecord> source="title" disableSort render={(record) => <Title record={record} />} />
        <DataTable.Col source="body" disableSort />
        <DataTable.Col<NotificationRecord> source="type" render={(record) => <Chip size="small" label={NOTIFICATION_TYPE_LABELS[record.type] ?? record.type} />} />
        <DataTable.Col<NotificationRecord>
          source="createdAt"
          label="Created"
          render={(record) => (
            <time dateTime={record.createdAt} title={exactTime(record.createdAt)}>
              {relativeTime(record.createdAt)}
            </time>
          )}
        />
        <DataTable.Col<NotificationRecord> source="readAt" label="State" render={(record) => (record.read ? 'Read' : 'Unread')} />
      </DataTable>
    </List>
  );
};
