import KeyIcon from '@mui/icons-material/Key';
import { Chip, Tooltip, Typography } from '@mui/material';
import { DataTable, DateField, List, SearchInput } from 'react-admin';
import { ListLoadError } from '../tickets/LoadError';
import { RelativeTime } from '../tickets/RelativeTime';
import { RevokeKeyButton } from './RevokeKeyButton';
import { ScopeChips } from './scopes';
import type { ApiKeyRecord, ApiKeyStatus } from './types';
import { ListEmpty } from '../shared/ListEmpty';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Name or prefix" />];

const STATUS_CHIP: Record<ApiKeyStatus, { label: string; color: 'success' | 'default' | 'error' }> = {
  active: { label: 'Active', color: 'success' },
  expired: { label: 'Expired', color: 'default' },
  revoked: { label: 'Revoked', color: 'error' },
};

const StatusChip = ({ apiKey }: { apiKey: ApiKeyRecord }) => {
  const { label, color } = STATUS_CHIP[apiKey.status] ?? STATUS_CHIP.active;
  const when = apiKey.status === 'revoked' ? apiKey.revokedAt : apiKey.status === 'expired' ? apiKey.expiresAt : null;
  const chip = <Chip size="small" label={label} color={color} variant={apiKey.status === 'active' ? 'filled' : 'outlined'} data-status={apiKey.status} />;
  return when ? <Tooltip title={`${label} ${new Date(when).toLocaleString()}`}>{chip}</Tooltip> : chip;
};

const ApiKeysEmpty = () => (
  <ListEmpty icon={KeyIcon} title="No API keys yet" createLabel="Create the first key">
    Dialers and integrations use API keys to send calls and read tickets and leads.
  </ListEmpty>
);

/** A revoked or expired key stays listed, greyed, for the record. */
const inactive = (apiKey: ApiKeyRecord) => (apiKey.status === 'active' ? {} : { opacity: 0.6 });

export const ApiKeyList = () => (
  <List
    title="API keys"
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    empty={<ApiKeysEmpty />}
    error={<ListLoadError title="The API keys could not be loaded." />}
    exporter={false}
  >
    <DataTable<ApiKeyRecord> rowClick={false} bulkActionButtons={false} rowSx={inactive}>
      <DataTable.Col source="name" />
      <DataTable.Col
        source="prefix"
        label="Key"
        render={(apiKey) => (
          <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
            {apiKey.prefix}…
          </Typography>
        )}
      />
      <DataTable.Col source="scopes" disableSort render={(apiKey) => <ScopeChips scopes={apiKey.scopes} />} />
      <DataTable.Col<ApiKeyRecord> source="status" disableSort render={(apiKey) => <StatusChip apiKey={apiKey} />} />
      <DataTable.Col source="lastUsedAt" label="Last used" render={(apiKey) => <RelativeTime value={apiKey.lastUsedAt} emptyText="never" />} />
      <DataTable.Col source="expiresAt" label="Expires">
        <DateField source="expiresAt" showTime options={{ dateStyle: 'medium', timeStyle: 'short' }} emptyText="never" />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" options={{ dateStyle: 'medium' }} />
      </DataTable.Col>
      <DataTable.Col label="" disableSort>
        <RevokeKeyButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
