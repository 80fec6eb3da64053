import LockIcon from '@mui/icons-material/Lock';
import PublicIcon from '@mui/icons-material/Public';
import { Box, Button, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { NoteVisibility } from '@callpro/contracts';
import { useState, type FormEvent } from 'react';
import { useCreate, useNotify, useRefresh } from 'react-admin';
import { errorMessage } from '../tickets/saveErrors';
import { INTERNAL_NOTE_BG } from './noteStyle';
import type { TicketNoteRecord } from './types';

/** Adds a note to a ticket: internal (staff only, the default) or a public reply. */
export const AddNoteForm = ({ ticketId }: { ticketId: string }) => {
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('internal');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [create, { isPending }] = useCreate<TicketNoteRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const internal = visibility === 'internal';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    void create(
      'ticket-notes',
      { data: { ticketId, body, visibility } },
      {
        onSuccess: () => {
          setBody('');
          setFieldError(null);
          notify(internal ? 'Internal note added' : 'Public reply added', { type: 'success' });
          // a note moves the ticket's updatedAt (and a first public reply its first response)
          refresh();
        },
        onError: (error) => {
          setFieldError((error as { body?: { errors?: Record<string, string> } }).body?.errors?.body ?? null);
          notify(errorMessage(error), { type: 'error' });
        },
      },
    );
  };

  return (
    <Box component="form" onSubmit={submit} aria-label="Add a note" sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={visibility}
          onChange={(_e, value: NoteVisibility | null) => value && setVisibility(value)}
          aria-label="Note visibility"
        >
          <ToggleButton value="internal" aria-label="Internal note">
            <LockIcon fontSize="small" sx={{ mr: 0.5 }} /> Internal note
          </ToggleButton>
          <ToggleButton value="public" aria-label="Public reply">
            <PublicIcon fontSize="small" sx={{ mr: 0.5 }} /> Public reply
          </ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="caption" color="text.secondary">
          {internal ? 'Only staff see internal notes.' : 'The requester may see public replies.'}
        </Typography>
      </Stack>
      <TextField
        name="body"
        label={internal ? 'Internal note' : 'Public reply'}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        error={!!fieldError}
        helperText={fieldError}
        sx={internal ? { '& .MuiInputBase-root': { bgcolor: INTERNAL_NOTE_BG } } : undefined}
      />
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mt: 1 }}>
        <Button type="submit" variant="contained" disabled={isPending || !body.trim()}>
          {internal ? 'Add note' : 'Send reply'}
        </Button>
      </Stack>
    </Box>
  );
};
