import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from '@callpro/contracts';
import { Chip } from '@mui/material';

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** Fill colours of the status chip: each status is told apart at a glance in a long list. */
const STATUS_COLORS: Record<TicketStatus, string> = {
  new: '#7c3aed',
  open: '#2563eb',
  pending: '#d97706',
  resolved: '#16a34a',
  closed: '#6b7280',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

const PRIORITY_COLORS: Record<TicketPriority, 'default' | 'warning' | 'error'> = {
  low: 'default',
  normal: 'default',
  high: 'warning',
  urgent: 'error',
};

export const CHANNEL_LABELS: Record<TicketChannel, string> = {
  phone: 'Phone',
  email: 'Email',
  web: 'Web',
  api: 'API',
};

export const statusChoices = TICKET_STATUSES.map((id) => ({ id, name: STATUS_LABELS[id] }));
export const priorityChoices = TICKET_PRIORITIES.map((id) => ({ id, name: PRIORITY_LABELS[id] }));
export const channelChoices = TICKET_CHANNELS.map((id) => ({ id, name: CHANNEL_LABELS[id] }));

export const ticketNumber = (ticket: { number: number }) => `#${ticket.number}`;

export const StatusChip = ({ status }: { status: TicketStatus }) => (
  <Chip
    size="small"
    label={STATUS_LABELS[status] ?? status}
    data-status={status}
    sx={{ bgcolor: STATUS_COLORS[status] ?? 'grey.500', color: '#fff', fontWeight: 600 }}
  />
);

export const PriorityChip = ({ priority }: { priority: TicketPriority }) => (
  <Chip
    size="small"
    label={PRIORITY_LABELS[priority] ?? priority}
    color={PRIORITY_COLORS[priority] ?? 'default'}
    variant={priority === 'urgent' ? 'filled' : 'outlined'}
  />
);
