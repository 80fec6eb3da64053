import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { DataTable, List } from 'react-admin';
import { useSession } from '../providers/useSession';
import { ListLoadError } from '../tickets/LoadError';
import { openingSummary } from './calendarSummary';
import type { BusinessCalendarRecord } from './types';
import { ListEmpty } from '../shared/ListEmpty';

const CalendarsEmpty = ({ manage }: { manage: boolean }) => (
  <ListEmpty icon={EventAvailableIcon} title="No business calendars yet" createLabel={manage ? 'Add the first calendar' : undefined}>
    A calendar holds opening hours and holidays; SLA targets count only its open time. Policies without one count 24/7.
  </ListEmpty>
);

/** Org admins add and edit; supervisors and agents only read. */
export const BusinessCalendarList = () => {
  const { ability } = useSession();
  const manage = ability?.can('update', 'BusinessCalendar') ?? false;
  return (
    <List
      sort={{ field: 'name', order: 'ASC' }}
      empty={<CalendarsEmpty manage={ability?.can('create', 'BusinessCalendar') ?? false} />}
      error={<ListLoadError title="The business calendars could not be loaded." />}
      exporter={false}
      actions={manage ? undefined : false}
    >
      <DataTable<BusinessCalendarRecord> rowClick={manage ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="timezone" label="Time zone" />
        <DataTable.Col label="Opening hours" disableSort render={(c) => openingSummary((c as BusinessCalendarRecord).intervals)} />
        <DataTable.Col label="Holidays" disableSort render={(c) => (c as BusinessCalendarRecord).holidays.length} />
      </DataTable>
    </List>
  );
};
