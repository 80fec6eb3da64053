import { Box, Button, Card, CardContent, List, ListItemButton, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { LinkBase, useGetList } from 'react-admin';
import { NOBODY } from '../tickets/nobodyFilter';
import { SlaBadge } from '../tickets/sla/SlaBadge';
import { PriorityChip, StatusChip, ticketNumber } from '../tickets/ticketLabels';
import type { TicketRecord } from '../tickets/types';
import { PanelError } from './PanelError';

/** Tickets shown; the rest are one click away in the list. */
const QUEUE_SIZE = 8;
const OPEN_STATUSES = ['new', 'open', 'pending'];
/** Most urgent first: the nearest SLA due time (tickets without a running SLA come last). */
const MOST_URGENT = { field: 'slaNextDueAt', order: 'ASC' } as const;

interface QueueKind {
  title: string;
  subtitle: string;
  empty: string;
  filter: Record<string, unknown>;
}

const MINE: QueueKind = {
  title: 'My open tickets',
  subtitle: 'Assigned to you, most urgent first',
  empty: 'No open tickets assigned to you.',
  filter: { assigneeId: 'me', status: OPEN_STATUSES },
};

const TEAM: QueueKind = {
  title: 'Team queue',
  subtitle: 'Open tickets nobody has taken yet, most urgent first',
  empty: 'Nothing waiting: every open ticket has an owner.',
  filter: { assigneeId: NOBODY, status: OPEN_STATUSES },
};

const listPath = (kind: QueueKind) =>
  `/tickets?${new URLSearchParams({ filter: JSON.stringify(kind.filter), sort: MOST_URGENT.field, order: MOST_URGENT.order }).toString()}`;

/**
 * An agent's own open tickets, or (supervisors, org admins) the unassigned ones, soonest SLA due
 * first. Live: ticket events refresh every tickets query.
 */
export const TicketQueue = ({ team }: { team: boolean }) => {
  const kind = team ? TEAM : MINE;
  const { data, total, error, isPending, refetch } = useGetList<TicketRecord>('tickets', {
    filter: kind.filter,
    sort: MOST_URGENT,
    pagination: { page: 1, perPage: QUEUE_SIZE },
  });

  let body;
  if (error && !data) body = <PanelError title="The tickets could not be loaded." error={error} onRetry={refetch} />;
  else if (isPending || !data) body = [0, 1, 2, 3].map((i) => <Skeleton key={i} height={44} />);
  else if (data.length === 0)
    body = (
      <Typography color="text.secondary" sx={{ py: 2 }} data-testid="queue-empty">
        {kind.empty}
      </Typography>
    );
  else
    body = (
      <List dense disablePadding aria-label={kind.title}>
        {data.map((ticket) => (
          <ListItemButton key={ticket.id} component={LinkBase} to={`/tickets/${ticket.id}/show`} divider data-testid="queue-ticket">
            <ListItemText
              primary={`${ticketNumber(ticket)} ${ticket.subject}`}
              slotProps={{ primary: { noWrap: true }, secondary: { component: 'span' } }}
              secondary={
                <Stack direction="row" spacing={0.5} component="span" sx={{ mt: 0.5 }}>
                  <StatusChip status={ticket.status} />
                  <PriorityChip priority={ticket.priority} />
                </Stack>
              }
            />
            <Box sx={{ ml: 1, flexShrink: 0 }}>
              <SlaBadge sla={ticket.sla} />
            </Box>
          </ListItemButton>
        ))}
      </List>
    );

  return (
    <Card variant="outlined" component="section" aria-labelledby="ticket-queue-title" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
          <Typography variant="h6" component="h2" id="ticket-queue-title">
            {kind.title}
            {typeof total === 'number' ? ` (${total})` : ''}
          </Typography>
          <Button size="small" component={LinkBase} to={listPath(kind)}>
            View all
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {kind.subtitle}
        </Typography>
        {body}
      </CardContent>
    </Card>
  );
};
