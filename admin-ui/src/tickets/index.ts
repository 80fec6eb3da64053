import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { TicketCreate } from './TicketCreate';
import { TicketEdit } from './TicketEdit';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';
import type { TicketRecord } from './types';

const tickets = {
  list: TicketList,
  show: TicketShow,
  edit: TicketEdit,
  create: TicketCreate,
  icon: ConfirmationNumberIcon,
  recordRepresentation: (record: TicketRecord) => `#${record.number} ${record.subject}`,
};

export default tickets;
