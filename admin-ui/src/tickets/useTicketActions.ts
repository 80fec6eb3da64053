import { useMemo } from 'react';
import { useSession } from '../providers/useSession';
import { ticketActions, type TicketActions } from './ticketAccess';
import type { TicketRecord } from './types';

/** What the logged-in user may do with `ticket` (undefined until the session and the ticket are loaded). */
export function useTicketActions(ticket: TicketRecord | undefined): TicketActions | undefined {
  const { identity, ability, tenantId } = useSession();
  return useMemo(() => {
    if (!identity || !ability || !ticket) return undefined;
    return ticketActions({ ability, tenantId }, { id: identity.user.id, role: identity.user.role }, ticket);
  }, [identity, ability, tenantId, ticket]);
}
