import { useRecordContext } from 'react-admin';
import type { TicketRecord } from './types';

/** "#1042 Printer on fire" in the app bar. */
export const TicketTitle = () => {
  const ticket = useRecordContext<TicketRecord>();
  return <span>{ticket ? `#${ticket.number} ${ticket.subject}` : 'Ticket'}</span>;
};
