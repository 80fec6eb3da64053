import KeyIcon from '@mui/icons-material/Key';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';
import type { ApiKeyRecord } from './types';

const apiKeys = {
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: KeyIcon,
  options: { label: 'API keys' },
  recordRepresentation: (record: ApiKeyRecord) => record.name,
};

export default apiKeys;
