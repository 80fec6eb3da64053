import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import PauseCircleOutlineIcon from '@mui/icons-material/PauseCircleOutline';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutline';
import ScheduleIcon from '@mui/icons-material/Schedule';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Alert, Button, List, ListItem, ListItemIcon, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import type { SlaEventKind } from '@callpro/contracts';
import type { ReactElement } from 'react';
import { useGetList } from 'react-admin';
import { RelativeTime } from '../RelativeTime';
import { errorMessage } from '../saveErrors';
import { slaEventLabel } from './slaState';
import type { SlaEventRecord } from './slaTypes';

const ICON: Record<SlaEventKind, ReactElement> = {
  applied: <ScheduleIcon fontSize="small" color="action" />,
  paused: <PauseCircleOutlineIcon fontSize="small" color="action" />,
  resumed: <PlayCircleOutlineIcon fontSize="small" color="action" />,
  warning: <WarningAmberIcon fontSize="small" color="warning" />,
  breached: <ErrorOutlineIcon fontSize="small" color="error" />,
  met: <CheckCircleOutlineIcon fontSize="small" color="success" />,
};

const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A ticket's SLA log, newest first. Refreshed live: SLA alerts and ticket changes invalidate `sla-events`. */
export const SlaEventLog = ({ ticketId }: { ticketId: string }) => {
  const { data = [], isPending, error, refetch } = useGetList<SlaEventRecord>('sla-events', {
    filter: { ticketId },
    sort: { field: 'occurredAt', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  if (isPending)
    return (
      <Stack spacing={1} aria-busy="true" aria-label="Loading the SLA log">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={24} />
        ))}
      </Stack>
    );
  if (error)
    return (
      <Alert severity="error" action={<Button color="inherit" size="small" onClick={() => void refetch()}>Retry</Button>}>
        The SLA log could not be loaded. {errorMessage(error)}
      </Alert>
    );
  if (data.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        Nothing recorded yet.
      </Typography>
    );
  return (
    <List dense disablePadding aria-label="SLA log">
      {data.map((event) => (
        <ListItem key={event.id} disableGutters data-sla-event={event.kind}>
          <ListItemIcon sx={{ minWidth: 32 }}>{ICON[event.kind]}</ListItemIcon>
          <ListItemText
            primary={slaEventLabel(event, formatTime)}
            secondary={<RelativeTime value={event.occurredAt} variant="caption" color="text.secondary" />}
            slotProps={{ secondary: { component: 'div' } }}
          />
        </ListItem>
      ))}
    </List>
  );
};
