import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import { LeadCreate } from './LeadCreate';
import { LeadEdit } from './LeadEdit';
import { LeadList } from './LeadList';
import { LeadShow } from './LeadShow';
import type { LeadRecord } from './types';

const leads = {
  list: LeadList,
  show: LeadShow,
  edit: LeadEdit,
  create: LeadCreate,
  icon: ContactPhoneIcon,
  recordRepresentation: (record: LeadRecord) => (record.company ? `${record.name} (${record.company})` : record.name),
};

export default leads;
