import LockIcon from '@mui/icons-material/Lock';
import { Button, Stack, Typography } from '@mui/material';
import type { TicketStatus } from '@callpro/contracts';
import { ReferenceField } from 'react-admin';
import type { TicketActions } from './ticketAccess';
import { transitionLabel } from './ticketAccess';
import { STATUS_LABELS, StatusChip } from './ticketLabels';
import type { TicketChanges } from './useTicketUpdate';
import type { TicketRecord } from './types';

interface Props {
  ticket: TicketRecord;
  actions: TicketActions;
  save: (changes: TicketChanges, done?: string) => void;
  isPending: boolean;
}

/** The status, and one button per status this user may move the ticket to (DESIGN §5 transitions). */
export const TicketStatusBar = ({ ticket, actions, save, isPending }: Props) => {
  const move = (to: TicketStatus) => save({ status: to }, `Status changed to ${STATUS_LABELS[to].toLowerCase()}`);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} aria-label="Ticket status">
      <Typography variant="body2" color="text.secondary">
        Status
      </Typography>
      <StatusChip status={ticket.status} />
      {actions.transitions.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          Move to
        </Typography>
      )}
      {actions.transitions.map((to) => (
        <Button key={to} size="small" variant="outlined" disabled={isPending} onClick={() => move(to)}>
          {transitionLabel(ticket.status, to)}
        </Button>
      ))}
      {!actions.canEdit && (
        <Typography variant="body2" color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <LockIcon fontSize="inherit" /> Assigned to <ReferenceField source="assigneeId" reference="users" link={false} /> — only they, a
          supervisor or an admin can change it.
        </Typography>
      )}
      {actions.canEdit && actions.transitions.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          Only supervisors and admins can reopen a closed ticket.
        </Typography>
      )}
    </Stack>
  );
};
