import { ROLES } from '@callpro/contracts';
import { Box, Typography } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { RoleChip, roleChoices } from './roles';
import type { UserRecord } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or email" />,
  <SelectInput key="role" source="role" choices={roleChoices(ROLES.filter((r) => r !== 'super_admin'))} />,
  <NullableBooleanInput key="active" source="active" label="Active" />,
];

/** Shown instead of the list when the tenant has no users at all (filters applied show "no results"). */
const UsersEmpty = () => (
  <Box sx={{ textAlign: 'center', m: 4 }}>
    <PersonAddIcon sx={{ fontSize: 64, color: 'text.disabled' }} />
    <Typography variant="h6" sx={{ my: 1 }}>
      No users yet
    </Typography>
    <CreateButton variant="contained" label="Invite your first user" />
  </Box>
);

export const UserList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} empty={<UsersEmpty />}>
    <DataTable<UserRecord> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role" render={(record) => <RoleChip role={record.role} />} />
      <DataTable.Col source="active" field={BooleanField} />
      <DataTable.Col source="lastLoginAt" label="Last login">
        <DateField source="lastLoginAt" showTime emptyText="never" />
      </DataTable.Col>
    </DataTable>
  </List>
);
