import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { Box, Card, CardContent, List, ListItemButton, ListItemIcon, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LinkBase, useGetList } from 'react-admin';
import { DirectionIcon, OutcomeChip } from '../call-logs/callLabels';
import { formatPhone } from '../call-logs/callFormat';
import type { CallLogRecord } from '../call-logs/types';
import { useRealtimeEvents } from '../realtime/realtimeEvents';
import { RelativeTime } from '../tickets/RelativeTime';
import { StatusChip, ticketNumber } from '../tickets/ticketLabels';
import type { TicketRecord } from '../tickets/types';
import { callItem, FEED_LIMIT, feedChange, mergeFeed, ticketItem, type FeedCall, type FeedItem, type FeedTicket } from './liveFeed';
import { PanelError } from './PanelError';

const NEWEST = { page: 1, perPage: FEED_LIMIT };

const callText = (call: FeedCall) =>
  call.direction === 'inbound' ? `Inbound call from ${formatPhone(call.fromNumber)}` : `Outbound call to ${formatPhone(call.toNumber)}`;

const CallEntry = ({ call }: { call: FeedCall }) => (
  <ListItemButton component={LinkBase} to={`/call-logs/${call.id}/show`} divider data-testid="feed-item" data-kind="call" data-id={call.id}>
    <ListItemIcon sx={{ minWidth: 36 }}>
      <DirectionIcon call={call} />
    </ListItemIcon>
    <ListItemText primary={callText(call)} secondary={<RelativeTime value={call.at} color="text.secondary" />} slotProps={{ secondary: { component: 'span' } }} />
    <OutcomeChip call={call} />
  </ListItemButton>
);

const TicketEntry = ({ ticket }: { ticket: FeedTicket }) => (
  <ListItemButton component={LinkBase} to={`/tickets/${ticket.id}/show`} divider data-testid="feed-item" data-kind="ticket" data-id={ticket.id}>
    <ListItemIcon sx={{ minWidth: 36 }}>
      <ConfirmationNumberIcon fontSize="small" color="action" aria-label="Ticket" />
    </ListItemIcon>
    <ListItemText
      primary={`New ticket ${ticketNumber(ticket)} ${ticket.subject}`}
      secondary={<RelativeTime value={ticket.at} color="text.secondary" />}
      slotProps={{ primary: { noWrap: true }, secondary: { component: 'span' } }}
    />
    <StatusChip status={ticket.status} />
  </ListItemButton>
);

/**
 * The latest calls and tickets, newest first: the lists' first pages, then whatever events bring
 * (added at once, without waiting for the lists to be fetched again; the refetch that events
 * also cause is merged in, one entry per record).
 */
export const LiveFeed = () => {
  const calls = useGetList<CallLogRecord>('call-logs', { pagination: NEWEST, sort: { field: 'startedAt', order: 'DESC' } });
  const tickets = useGetList<TicketRecord>('tickets', { pagination: NEWEST, sort: { field: 'createdAt', order: 'DESC' } });
  const [live, setLive] = useState<FeedItem[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());

  const items = useMemo(
    () => mergeFeed([(calls.data ?? []).map(callItem), (tickets.data ?? []).map(ticketItem), live], removed),
    [calls.data, tickets.data, live, removed],
  );
  // what the event handler compares with: updates only touch entries on screen
  const shown = useRef(items);
  useEffect(() => {
    shown.current = items;
  }, [items]);

  useRealtimeEvents(
    useCallback((envelope) => {
      const change = feedChange(envelope, shown.current);
      if (!change) return;
      if ('remove' in change) setRemoved((before) => new Set(before).add(change.remove));
      else setLive((before) => mergeFeed([before, [change.upsert]], undefined, FEED_LIMIT));
    }, []),
  );

  const error = calls.error ?? tickets.error;
  const loading = calls.isPending || tickets.isPending;
  let body;
  if (error && items.length === 0)
    body = <PanelError title="The latest calls and tickets could not be loaded." error={error} onRetry={() => Promise.all([calls.refetch(), tickets.refetch()])} />;
  else if (loading && items.length === 0) body = [0, 1, 2, 3, 4].map((i) => <Skeleton key={i} height={44} />);
  else if (items.length === 0)
    body = (
      <Typography color="text.secondary" sx={{ py: 2 }} data-testid="feed-empty">
        No calls or tickets yet. New ones appear here as they come in.
      </Typography>
    );
  else
    body = (
      <List dense disablePadding aria-label="Latest calls and tickets" aria-live="polite" data-testid="live-feed">
        {items.map((item) => (item.kind === 'call' ? <CallEntry key={item.key} call={item} /> : <TicketEntry key={item.key} ticket={item} />))}
      </List>
    );

  return (
    <Card variant="outlined" component="section" aria-labelledby="live-feed-title" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h2" id="live-feed-title">
            Live feed
          </Typography>
          <Typography variant="caption" color="text.secondary">
            Latest calls and tickets
          </Typography>
        </Stack>
        <Box>{body}</Box>
      </CardContent>
    </Card>
  );
};
