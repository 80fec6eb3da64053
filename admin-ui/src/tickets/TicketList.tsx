import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import {
  DataTable,
  DateInput,
  downloadCSV,
  List,
  ReferenceField,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  type Exporter,
} from 'react-admin';
import type { UserRecord } from '../users/types';
import { ListLoadError } from './LoadError';
import { PersonFilterInput } from './PersonFilterInput';
import { RelativeTime } from './RelativeTime';
import { SlaBadge } from './sla/SlaBadge';
import { TicketBulkActions } from './TicketBulkActions';
import { TicketViews } from './TicketViews';
import { TICKET_CSV_COLUMNS, ticketCsvRows, toCsv } from './ticketExport';
import { channelChoices, PriorityChip, priorityChoices, StatusChip, statusChoices, ticketNumber } from './ticketLabels';
import type { TicketRecord } from './types';
import { ListEmpty } from '../shared/ListEmpty';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search tickets" />,
  <SelectArrayInput key="status" source="status" choices={statusChoices} sx={{ minWidth: 180 }} />,
  <SelectArrayInput key="priority" source="priority" choices={priorityChoices} sx={{ minWidth: 160 }} />,
  <SelectInput key="channel" source="channel" choices={channelChoices} />,
  <PersonFilterInput key="assigneeId" source="assigneeId" label="Assignee" nobodyLabel="Unassigned" />,
  <TextInput key="tags" source="tags" label="Tag" />,
  <DateInput key="updatedAt_gte" source="updatedAt_gte" label="Updated since" />,
];

/** CSV of the tickets matching the current filters and sort, assignees by name. */
const exporter: Exporter<TicketRecord> = async (tickets, fetchRelatedRecords) => {
  const users = await fetchRelatedRecords<UserRecord>(tickets, 'assigneeId', 'users');
  const names = Object.fromEntries(Object.values(users).map((u) => [u.id, u.name]));
  downloadCSV(toCsv(TICKET_CSV_COLUMNS, ticketCsvRows(tickets, names)), 'tickets');
};

/** Shown instead of the list while the tenant has no tickets at all (a filter with no match says "no results"). */
const TicketsEmpty = () => (
  <ListEmpty icon={ConfirmationNumberIcon} title="No tickets yet" createLabel="Create the first ticket">
    Tickets from calls, email and the API will show up here.
  </ListEmpty>
);

const requesterOf = (t: TicketRecord) => t.requesterName ?? t.requesterPhone ?? t.requesterEmail ?? '—';

export const TicketList = () => (
  <List
    filters={filters}
    sort={{ field: 'updatedAt', order: 'DESC' }}
    perPage={25}
    aside={<TicketViews />}
    empty={<TicketsEmpty />}
    error={<ListLoadError title="The tickets could not be loaded." />}
    exporter={exporter}
  >
    <DataTable<TicketRecord> rowClick="show" bulkActionButtons={<TicketBulkActions />}>
      <DataTable.Col source="number" label="#" render={ticketNumber} />
      <DataTable.Col source="subject" sx={{ maxWidth: 420 }} />
      <DataTable.Col source="requesterName" label="Requester" render={requesterOf} />
      <DataTable.Col source="status" render={(t) => <StatusChip status={t.status} />} />
      <DataTable.Col source="priority" render={(t) => <PriorityChip priority={t.priority} />} />
      {/* sorted by the nearest due time; the badge shows the most pressing metric */}
      <DataTable.Col source="slaNextDueAt" label="SLA" render={(t) => <SlaBadge sla={t.sla} />} />
      <DataTable.Col source="assigneeId" label="Assignee">
        <ReferenceField source="assigneeId" reference="users" link={false} emptyText="Unassigned" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt" label="Updated" render={(t) => <RelativeTime value={t.updatedAt} />} />
    </DataTable>
  </List>
);
