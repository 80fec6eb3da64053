import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, Menu, MenuItem, Stack, TextField } from '@mui/material';
import type { TicketStatus } from '@callpro/contracts';
import { useState } from 'react';
import { BulkDeleteButton, useDataProvider, useListContext, useNotify, useRefresh } from 'react-admin';
import { useSession } from '../providers/useSession';
import { canAssignAnyone } from './ticketAccess';
import { STATUS_LABELS, statusChoices } from './ticketLabels';
import type { TicketsDataProvider } from './ticketsDataProvider';
import type { BulkTicketChanges } from './types';
import { errorMessage } from './saveErrors';
import { useActiveUsers } from './PersonFilterInput';

/** Every status but `new`: nothing moves back to new. */
const BULK_STATUSES = statusChoices.filter((c) => c.id !== 'new');

/** Sends one PATCH /tickets/bulk for the selected tickets; all of them change or none does. */
function useBulkTicketUpdate() {
  const { selectedIds, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider<TicketsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [isPending, setPending] = useState(false);
  const run = async (changes: BulkTicketChanges) => {
    setPending(true);
    try {
      const { data } = await dataProvider.bulkUpdateTickets({ ids: selectedIds, changes });
      notify(`${data.length} ticket${data.length === 1 ? '' : 's'} updated`, { type: 'success' });
      onUnselectItems();
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true, autoHideDuration: 10_000 });
    } finally {
      setPending(false);
      refresh();
    }
  };
  return { run, isPending };
}

const BulkStatusButton = () => {
  const { run, isPending } = useBulkTicketUpdate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (status: TicketStatus) => {
    setAnchor(null);
    void run({ status });
  };
  return (
    <>
      <Button size="small" startIcon={<SyncAltIcon />} disabled={isPending} onClick={(e) => setAnchor(e.currentTarget)}>
        Change status
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {BULK_STATUSES.map((choice) => (
          <MenuItem key={choice.id} onClick={() => choose(choice.id)}>
            {STATUS_LABELS[choice.id]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

/** Assign to me, unassign, or (supervisors, admins) assign to anyone active. */
const BulkAssignButton = () => {
  const { run, isPending } = useBulkTicketUpdate();
  const { identity, ability, tenantId } = useSession();
  const anyone = ability ? canAssignAnyone({ ability, tenantId }) : false;
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState<string | null>(null);
  const { data: users = [] } = useActiveUsers();
  const assign = (assigneeId: string | null) => {
    setOpen(false);
    void run({ assigneeId });
  };
  return (
    <>
      <Button size="small" startIcon={<AssignmentIndIcon />} disabled={isPending} onClick={() => setOpen(true)}>
        Change assignee
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>Change assignee</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {anyone && (
              <Autocomplete
                options={users}
                getOptionLabel={(u) => u.name}
                value={users.find((u) => u.id === userId) ?? null}
                onChange={(_e, u) => setUserId(u?.id ?? null)}
                renderInput={(params) => <TextField {...params} label="Assignee" autoFocus />}
              />
            )}
            <Stack direction="row" spacing={1}>
              {identity && (
                <Button variant="outlined" onClick={() => assign(identity.user.id)}>
                  Assign to me
                </Button>
              )}
              <Button variant="outlined" onClick={() => assign(null)}>
                Unassign
              </Button>
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          {anyone && (
            <Button variant="contained" disabled={!userId} onClick={() => assign(userId)}>
              Assign
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Bulk actions of the tickets list; delete only shows for who may delete (BulkDeleteButton asks canAccess). */
export const TicketBulkActions = () => {
  const { ability } = useSession();
  const canUpdate = ability?.can('update', 'Ticket') ?? false;
  return (
    <>
      {canUpdate && <BulkStatusButton />}
      {canUpdate && <BulkAssignButton />}
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
};
