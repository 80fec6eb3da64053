import ListAltIcon from '@mui/icons-material/ListAlt';
import { DispositionCreate } from './DispositionCreate';
import { DispositionEdit } from './DispositionEdit';
import { DispositionList } from './DispositionList';
import type { DispositionRecord } from './types';

const dispositions = {
  list: DispositionList,
  edit: DispositionEdit,
  create: DispositionCreate,
  icon: ListAltIcon,
  recordRepresentation: (record: DispositionRecord) => record.name,
};

export default dispositions;
