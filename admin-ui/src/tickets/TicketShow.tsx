import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, Card, CardContent, Chip, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { DeleteButton, EditButton, ListButton, Loading, Show, TopToolbar, useRecordContext } from 'react-admin';
import { TicketHistory } from '../audit/TicketHistory';
import { canAccessResource } from '../providers/canAccess';
import { useSession } from '../providers/useSession';
import { AddNoteForm } from '../ticket-notes/AddNoteForm';
import { NotesTimeline } from '../ticket-notes/NotesTimeline';
import { ShowLoadError } from './LoadError';
import { TicketSlaPanel } from './sla/TicketSlaPanel';
import { TicketProperties } from './TicketProperties';
import { TicketStatusBar } from './TicketStatusBar';
import { TicketTitle } from './TicketTitle';
import { PriorityChip } from './ticketLabels';
import type { TicketRecord } from './types';
import { useTicketActions } from './useTicketActions';
import { useTicketUpdate } from './useTicketUpdate';

/** Edit for who may change the ticket; for an agent on a colleague's ticket, a disabled button that says why. */
const TicketEditButton = () => {
  const ticket = useRecordContext<TicketRecord>();
  const actions = useTicketActions(ticket);
  if (!actions) return null;
  if (actions.canEdit) return <EditButton />;
  return (
    <Tooltip title="Assigned to someone else: only they, a supervisor or an admin can change it">
      <span>
        <Button size="small" startIcon={<EditIcon />} disabled>
          Edit
        </Button>
      </span>
    </Tooltip>
  );
};

const TicketShowActions = () => (
  <TopToolbar>
    <ListButton label="All tickets" />
    <TicketEditButton />
    {/* DeleteButton asks canAccess with the record: agents never see it */}
    <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this ticket?" confirmContent="The ticket and its notes are deleted; its history is kept." />
  </TopToolbar>
);

/** Notes (with the add-note form) and, for who may read the audit trail, the history. */
const TicketTabs = ({ ticket }: { ticket: TicketRecord }) => {
  const { ability, tenantId } = useSession();
  const [tab, setTab] = useState<'notes' | 'history'>('notes');
  const ctx = ability ? { ability, tenantId } : null;
  const canSeeHistory = !!ctx && canAccessResource(ctx, { action: 'list', resource: 'audit-events' });
  const canAddNotes = !!ctx && canAccessResource(ctx, { action: 'create', resource: 'ticket-notes' });
  return (
    <Card>
      <Tabs value={canSeeHistory ? tab : 'notes'} onChange={(_e, value: 'notes' | 'history') => setTab(value)} sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="notes" label="Conversation" />
        {canSeeHistory && <Tab value="history" label="History" />}
      </Tabs>
      <CardContent>
        {tab === 'history' && canSeeHistory ? (
          <TicketHistory />
        ) : (
          <>
            <NotesTimeline />
            {canAddNotes && <AddNoteForm ticketId={ticket.id} />}
          </>
        )}
      </CardContent>
    </Card>
  );
};

const TicketPage = () => {
  const ticket = useRecordContext<TicketRecord>();
  const actions = useTicketActions(ticket);
  const { save, isPending } = useTicketUpdate(ticket);
  if (!ticket || !actions) return <Loading />;
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 1, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 340px' } }}>
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Card>
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="h6" component="span" color="text.secondary">
                #{ticket.number}
              </Typography>
              <PriorityChip priority={ticket.priority} />
              {ticket.tags.map((tag) => (
                <Chip key={tag} size="small" label={tag} variant="outlined" />
              ))}
            </Stack>
            <Typography variant="h5" component="h1" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
              {ticket.subject}
            </Typography>
            <TicketStatusBar ticket={ticket} actions={actions} save={save} isPending={isPending} />
            <Typography variant="body1" sx={{ mt: 2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} color={ticket.description ? 'text.primary' : 'text.secondary'}>
              {ticket.description ?? 'No description.'}
            </Typography>
          </CardContent>
        </Card>
        <TicketTabs ticket={ticket} />
      </Stack>
      <Stack spacing={2} sx={{ minWidth: 0, alignSelf: 'start' }}>
        <TicketProperties ticket={ticket} actions={actions} save={save} isPending={isPending} />
        <TicketSlaPanel ticket={ticket} />
      </Stack>
    </Box>
  );
};

export const TicketShow = () => (
  <Show title={<TicketTitle />} actions={<TicketShowActions />} component="div" error={<ShowLoadError title="This ticket could not be loaded." />}>
    <TicketPage />
  </Show>
);
