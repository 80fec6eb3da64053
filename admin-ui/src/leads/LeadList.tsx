import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import { BulkDeleteButton, DataTable, List, ReferenceField, SearchInput, SelectArrayInput, TextInput } from 'react-admin';
import { ListLoadError } from '../tickets/LoadError';
import { PersonFilterInput } from '../tickets/PersonFilterInput';
import { RelativeTime } from '../tickets/RelativeTime';
import { LeadStatusChip, leadStatusChoices } from './leadLabels';
import type { LeadRecord } from './types';
import { ListEmpty } from '../shared/ListEmpty';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search leads" />,
  <SelectArrayInput key="status" source="status" choices={leadStatusChoices} sx={{ minWidth: 180 }} />,
  <PersonFilterInput key="ownerId" source="ownerId" label="Owner" nobodyLabel="Nobody" />,
  <TextInput key="source" source="source" />,
];

const LeadsEmpty = () => (
  <ListEmpty icon={ContactPhoneIcon} title="No leads yet" createLabel="Add the first lead" />
);

export const LeadList = () => (
  <List
    filters={filters}
    sort={{ field: 'updatedAt', order: 'DESC' }}
    perPage={25}
    empty={<LeadsEmpty />}
    error={<ListLoadError title="The leads could not be loaded." />}
  >
    <DataTable<LeadRecord> rowClick="show" bulkActionButtons={<BulkDeleteButton mutationMode="pessimistic" />}>
      <DataTable.Col source="name" />
      <DataTable.Col source="company" />
      <DataTable.Col source="phone" />
      <DataTable.Col source="email" />
      <DataTable.Col source="status" render={(lead) => <LeadStatusChip status={lead.status} />} />
      <DataTable.Col source="ownerId" label="Owner">
        <ReferenceField source="ownerId" reference="users" link={false} emptyText="Nobody" />
      </DataTable.Col>
      <DataTable.Col source="lastContactedAt" label="Last contacted" render={(lead) => <RelativeTime value={lead.lastContactedAt} emptyText="never" />} />
    </DataTable>
  </List>
);
