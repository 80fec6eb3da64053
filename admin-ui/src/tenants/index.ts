import BusinessIcon from '@mui/icons-material/Business';
import { TenantCreate } from './TenantCreate';
import { TenantEdit } from './TenantEdit';
import { TenantList } from './TenantList';
import type { TenantRecord } from './types';

const tenants = {
  list: TenantList,
  edit: TenantEdit,
  create: TenantCreate,
  icon: BusinessIcon,
  recordRepresentation: (record: TenantRecord) => record.name,
};

export default tenants;
