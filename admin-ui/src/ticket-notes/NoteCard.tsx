import EditIcon from '@mui/icons-material/Edit';
import LockIcon from '@mui/icons-material/Lock';
import PublicIcon from '@mui/icons-material/Public';
import { Box, Button, Chip, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { DeleteButton, RecordContextProvider, ReferenceField, useNotify, useUpdate } from 'react-admin';
import { canAccessResource } from '../providers/canAccess';
import { useSession } from '../providers/useSession';
import { RelativeTime } from '../tickets/RelativeTime';
import { errorMessage } from '../tickets/saveErrors';
import { noteBoxSx } from './noteStyle';
import type { TicketNoteRecord } from './types';

const VisibilityChip = ({ internal }: { internal: boolean }) =>
  internal ? (
    <Chip size="small" icon={<LockIcon />} label="Internal" sx={{ bgcolor: '#fde68a', color: '#78350f', fontWeight: 600, '& .MuiChip-icon': { color: '#92400e' } }} />
  ) : (
    <Chip size="small" icon={<PublicIcon />} label="Public" color="primary" variant="outlined" />
  );

/** Edits a note's text in place (agents: their own notes, for 15 minutes). */
const NoteEditor = ({ note, onDone }: { note: TicketNoteRecord; onDone: () => void }) => {
  const [body, setBody] = useState(note.body);
  const [error, setError] = useState<string | null>(null);
  const [update, { isPending }] = useUpdate<TicketNoteRecord>();
  const notify = useNotify();
  const save = () =>
    update(
      'ticket-notes',
      { id: note.id, data: { body }, previousData: note },
      {
        mutationMode: 'pessimistic',
        onSuccess: onDone,
        onError: (e) => {
          setError((e as { body?: { errors?: Record<string, string> } }).body?.errors?.body ?? null);
          notify(errorMessage(e), { type: 'error' });
        },
      },
    );
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      <TextField value={body} onChange={(e) => setBody(e.target.value)} multiline minRows={2} fullWidth error={!!error} helperText={error} label="Note" autoFocus />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" size="small" onClick={save} disabled={isPending || !body.trim()}>
          Save
        </Button>
        <Button size="small" onClick={onDone} disabled={isPending}>
          Cancel
        </Button>
      </Stack>
    </Stack>
  );
};

/** One note of the timeline: author, time, Internal/Public, text, and edit/delete for who may. */
export const NoteCard = ({ note }: { note: TicketNoteRecord }) => {
  const { ability, tenantId } = useSession();
  const [editing, setEditing] = useState(false);
  const internal = note.visibility === 'internal';
  const canEdit = !!ability && canAccessResource({ ability, tenantId }, { action: 'edit', resource: 'ticket-notes', record: note });
  return (
    <RecordContextProvider value={note}>
      <Box component="article" data-testid="ticket-note" data-visibility={note.visibility} sx={{ p: 1.5, borderRadius: 1, ...noteBoxSx(note.visibility) }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {note.authorId ? (
            <ReferenceField source="authorId" reference="users" link={false} emptyText="A former user" sx={{ fontWeight: 600 }} />
          ) : (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              Integration
            </Typography>
          )}
          <RelativeTime value={note.createdAt} color="text.secondary" />
          {note.updatedAt !== note.createdAt && (
            <Typography variant="caption" color="text.secondary">
              (edited)
            </Typography>
          )}
          <Box sx={{ flex: 1 }} />
          <VisibilityChip internal={internal} />
          {canEdit && !editing && (
            <Tooltip title="Edit note">
              <IconButton size="small" onClick={() => setEditing(true)} aria-label="Edit note">
                <EditIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
          <DeleteButton
            resource="ticket-notes"
            record={note}
            redirect={false}
            mutationMode="pessimistic"
            confirmTitle="Delete this note?"
            confirmContent="The note is removed from the ticket; its history keeps a record of it."
            size="small"
          />
        </Stack>
        {editing ? (
          <NoteEditor note={note} onDone={() => setEditing(false)} />
        ) : (
          <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.body}
          </Typography>
        )}
      </Box>
    </RecordContextProvider>
  );
};
