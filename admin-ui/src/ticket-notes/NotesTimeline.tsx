import { Alert, Stack, Typography } from '@mui/material';
import { Loading, ReferenceManyField, useListContext } from 'react-admin';
import { PagesIfNeeded } from '../tickets/PagesIfNeeded';
import { NoteCard } from './NoteCard';
import type { TicketNoteRecord } from './types';

const Notes = () => {
  const { data, isPending, error } = useListContext<TicketNoteRecord>();
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">The notes could not be loaded.</Alert>;
  return (
    <Stack spacing={1.5}>
      {data.map((note) => (
        <NoteCard key={note.id} note={note} />
      ))}
    </Stack>
  );
};

/** The current ticket's notes, oldest first (a conversation reads top to bottom). */
export const NotesTimeline = () => (
  <ReferenceManyField
    reference="ticket-notes"
    target="ticketId"
    sort={{ field: 'createdAt', order: 'ASC' }}
    perPage={100}
    pagination={<PagesIfNeeded />}
    empty={<Typography color="text.secondary">No notes yet. Add the first one below.</Typography>}
  >
    <Notes />
  </ReferenceManyField>
);
