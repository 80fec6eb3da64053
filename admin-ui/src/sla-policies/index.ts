import TimerIcon from '@mui/icons-material/Timer';
import { SlaPolicyCreate } from './SlaPolicyCreate';
import { SlaPolicyEdit } from './SlaPolicyEdit';
import { SlaPolicyList } from './SlaPolicyList';
import type { SlaPolicyRecord } from './types';

const slaPolicies = {
  list: SlaPolicyList,
  edit: SlaPolicyEdit,
  create: SlaPolicyCreate,
  icon: TimerIcon,
  recordRepresentation: (record: SlaPolicyRecord) => record.name,
  options: { label: 'SLA policies' },
};

export default slaPolicies;
