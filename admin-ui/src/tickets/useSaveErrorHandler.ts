import { useCallback } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { errorMessage, isVersionConflict } from './saveErrors';

/**
 * onError for saving a versioned record (tickets, leads). A version conflict reloads what is on
 * screen and says why; anything else shows the API's message (field errors of a form are shown
 * on the fields by react-admin as well).
 */
export function useSaveErrorHandler(conflictMessage: string): (error: unknown) => void {
  const notify = useNotify();
  const refresh = useRefresh();
  return useCallback(
    (error: unknown) => {
      if (isVersionConflict(error)) {
        notify(conflictMessage, { type: 'warning' });
        refresh();
        return;
      }
      notify(errorMessage(error), { type: 'error' });
    },
    [notify, refresh, conflictMessage],
  );
}
