import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useGetIdentity, useLogout, useNotify } from 'react-admin';
import { authenticatedHttp } from '../providers/httpClient';
import { tokenStore } from '../providers/tokenStore';
import { createToastGate, isDataQuery, queryKeysFor, toastFor } from './eventEffects';
import { createRealtimeClient, openSocket } from './realtimeClient';
import { createEventHub, RealtimeEventsContext } from './realtimeEvents';

/**
 * Keeps the one real-time connection for the logged-in user (rendered inside the authenticated
 * layout: it starts after login and stops when the layout unmounts at logout). Each event
 * refreshes the queries it affects and, when it concerns the user, shows a toast; after a gap in
 * the connection every data query is refreshed, since events may have been missed. Screens that
 * show events themselves (the dashboard's live feed) listen with `useRealtimeEvents`.
 */
export const RealtimeProvider = ({ children }: { children: ReactNode }) => {
  const { identity } = useGetIdentity();
  const userId = identity ? String(identity.id) : null;
  const queryClient = useQueryClient();
  const notify = useNotify();
  const logout = useLogout();
  const [hub] = useState(createEventHub);
  // the latest callbacks, without reconnecting when their identity changes
  const ui = useRef({ notify, logout });
  useEffect(() => {
    ui.current = { notify, logout };
  }, [notify, logout]);

  useEffect(() => {
    if (!userId) return;
    const passToast = createToastGate();
    const client = createRealtimeClient({
      open: openSocket(),
      tokens: tokenStore,
      refresh: authenticatedHttp.refresh,
      onEvent: (envelope) => {
        for (const queryKey of queryKeysFor(envelope)) void queryClient.invalidateQueries({ queryKey });
        const toast = toastFor(envelope, userId);
        // messageArgs._: shown as is, not looked up as a translation key
        if (toast && passToast(toast.key)) ui.current.notify(toast.message, { type: toast.type, messageArgs: { _: toast.message } });
        hub.publish(envelope);
      },
      onResync: () => void queryClient.invalidateQueries({ predicate: (query) => isDataQuery(query.queryKey) }),
      onSessionEnded: () => {
        ui.current.notify('Your session has ended. Please log in again.', { type: 'warning' });
        void ui.current.logout();
      },
    });
    client.start();
    return () => client.stop();
  }, [userId, queryClient, hub]);

  return <RealtimeEventsContext.Provider value={hub}>{children}</RealtimeEventsContext.Provider>;
};
