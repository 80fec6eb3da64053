import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Button } from '@mui/material';
import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, useRecordContext } from 'react-admin';
import { useSwitchTenant } from '../layout/useSwitchTenant';
import { useSession } from '../providers/useSession';
import type { TenantRecord } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or slug" />,
  <NullableBooleanInput key="active" source="active" label="Active" />,
];

/** Lets a super admin act on this tenant's data (sets X-Tenant-Id). */
const WorkInTenantButton = () => {
  const record = useRecordContext<TenantRecord>();
  const { tenantId } = useSession();
  const switchTenant = useSwitchTenant();
  if (!record || !record.active) return null;
  if (record.id === tenantId) return <Button size="small" disabled>Current tenant</Button>;
  return (
    <Button
      size="small"
      startIcon={<SwapHorizIcon />}
      onClick={(event) => {
        event.stopPropagation();
        switchTenant(record.id);
      }}
    >
      Work in this tenant
    </Button>
  );
};

export const TenantList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable<TenantRecord> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="slug" />
      <DataTable.Col source="timezone" />
      <DataTable.Col source="defaultCountry" label="Country" />
      <DataTable.Col source="active" field={BooleanField} />
      <DataTable.Col label="" disableSort>
        <WorkInTenantButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
