import { useCallback } from 'react';
import { useNotify, useUpdate } from 'react-admin';
import { TICKET_CONFLICT_MESSAGE } from './saveErrors';
import { useSaveErrorHandler } from './useSaveErrorHandler';
import type { TicketRecord } from './types';

export type TicketChanges = Partial<Pick<TicketRecord, 'status' | 'priority' | 'tags' | 'assigneeId'>>;

/**
 * Saves a few fields of `ticket` at once (status, assignee, priority, tags) with the version it was
 * read at. Only the changed fields are sent, so a colleague's change to other fields is kept; a
 * stale version is refused by the API and the ticket reloaded.
 */
export function useTicketUpdate(ticket: TicketRecord | undefined): { save: (changes: TicketChanges, done?: string) => void; isPending: boolean } {
  const [update, { isPending }] = useUpdate<TicketRecord>();
  const notify = useNotify();
  const onError = useSaveErrorHandler(TICKET_CONFLICT_MESSAGE);
  const save = useCallback(
    (changes: TicketChanges, done?: string) => {
      if (!ticket) return;
      void update(
        'tickets',
        { id: ticket.id, data: { ...changes, version: ticket.version }, previousData: ticket },
        {
          mutationMode: 'pessimistic',
          onSuccess: () => {
            if (done) notify(done, { type: 'success' });
          },
          onError,
        },
      );
    },
    [ticket, update, notify, onError],
  );
  return { save, isPending };
}
