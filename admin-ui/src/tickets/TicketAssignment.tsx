import PersonIcon from '@mui/icons-material/Person';
import { Autocomplete, Button, Stack, TextField } from '@mui/material';
import { ReferenceField } from 'react-admin';
import { useSession } from '../providers/useSession';
import { useActiveUsers } from './PersonFilterInput';
import type { TicketActions } from './ticketAccess';
import type { TicketChanges } from './useTicketUpdate';
import type { TicketRecord } from './types';

interface Props {
  ticket: TicketRecord;
  actions: TicketActions;
  save: (changes: TicketChanges, done?: string) => void;
  isPending: boolean;
}

/** Supervisors and admins pick anyone active; the list is loaded only for them. */
const AssigneePicker = ({ ticket, save, isPending }: Omit<Props, 'actions'>) => {
  const { data: users = [], isPending: loading } = useActiveUsers();
  return (
    <Autocomplete
      size="small"
      options={users}
      loading={loading}
      disabled={isPending}
      getOptionLabel={(u) => u.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      value={users.find((u) => u.id === ticket.assigneeId) ?? null}
      onChange={(_e, user) => save({ assigneeId: user?.id ?? null }, user ? `Assigned to ${user.name}` : 'Unassigned')}
      renderInput={(params) => <TextField {...params} label="Assign to" placeholder="Choose a colleague" />}
    />
  );
};

/** Who the ticket is assigned to, "Assign to me", "Unassign", and the picker for who may assign anyone. */
export const TicketAssignment = ({ ticket, actions, save, isPending }: Props) => {
  const { identity } = useSession();
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="ticket-assignee">
        <PersonIcon color="action" fontSize="small" />
        <ReferenceField source="assigneeId" reference="users" link={false} emptyText="Unassigned" />
      </Stack>
      {actions.canAssignOthers && <AssigneePicker ticket={ticket} save={save} isPending={isPending} />}
      {(actions.canTakeIt || actions.canUnassign) && (
        <Stack direction="row" spacing={1}>
          {actions.canTakeIt && identity && (
            <Button size="small" variant="outlined" disabled={isPending} onClick={() => save({ assigneeId: identity.user.id }, 'Assigned to you')}>
              Assign to me
            </Button>
          )}
          {actions.canUnassign && (
            <Button size="small" disabled={isPending} onClick={() => save({ assigneeId: null }, 'Unassigned')}>
              Unassign
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
};
