import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { Tooltip, Typography } from '@mui/material';
import { DataTable, DateField, FunctionField, List, Loading, ReferenceField } from 'react-admin';
import { ListLoadError } from '../tickets/LoadError';
import type { TicketRecord } from '../tickets/types';
import { useSession } from '../providers/useSession';
import { CallAnalyticsPanel } from './CallAnalyticsPanel';
import { seesTeamCalls } from './callAccess';
import { callFilters } from './CallFilters';
import { formatDuration, formatPhone } from './callFormat';
import { DirectionIcon, OutcomeChip } from './callLabels';
import type { CallLogRecord } from './types';
import { ListEmpty } from '../shared/ListEmpty';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Shown while the tenant has no calls at all (a filter with no match says "no results"). */
const CallsEmpty = () => (
  <ListEmpty icon={PhoneInTalkIcon} title="No calls yet">
    Calls from the Android dialers and the API show up here as they happen.
  </ListEmpty>
);

/** The lead, or why there is none: several leads share the number. */
const LeadCell = ({ call }: { call: CallLogRecord }) => {
  if (!call.leadId && call.leadMatch === 'ambiguous') {
    return (
      <Tooltip title="Several leads have this number, so the call was not linked to any">
        <Typography variant="body2" color="warning.main" component="span">
          Several leads
        </Typography>
      </Tooltip>
    );
  }
  return <ReferenceField record={call} source="leadId" reference="leads" link="show" emptyText="—" />;
};

const PhoneNumber = ({ value }: { value: string }) => (
  <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
    {formatPhone(value)}
  </Typography>
);

/** Newest first; new calls appear live (the realtime client invalidates `call-logs` queries). */
export const CallLogList = () => {
  const { ability } = useSession();
  if (!ability) return <Loading />;
  // an agent's list holds only their own calls: no agent filter or column
  const teamCalls = seesTeamCalls(ability);
  return (
    <List
      filters={callFilters(teamCalls)}
      sort={{ field: 'startedAt', order: 'DESC' }}
      perPage={25}
      empty={<CallsEmpty />}
      error={<ListLoadError title="The calls could not be loaded." />}
    >
      <CallAnalyticsPanel />
      <DataTable<CallLogRecord> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col<CallLogRecord> source="direction" label="" render={(call) => <DirectionIcon call={call} />} />
        <DataTable.Col source="fromNumber" label="From" render={(call) => <PhoneNumber value={call.fromNumber} />} />
        <DataTable.Col source="toNumber" label="To" render={(call) => <PhoneNumber value={call.toNumber} />} />
        {teamCalls && (
          <DataTable.Col source="agentId" label="Agent">
            <ReferenceField source="agentId" reference="users" link={false} emptyText="—" />
          </DataTable.Col>
        )}
        <DataTable.Col<CallLogRecord> source="leadId" label="Lead" disableSort render={(call) => <LeadCell call={call} />} />
        <DataTable.Col source="ticketId" label="Ticket" disableSort>
          <ReferenceField source="ticketId" reference="tickets" link="show" emptyText="—">
            <FunctionField<TicketRecord> render={(ticket) => `#${ticket.number}`} />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col<CallLogRecord> source="outcome" render={(call) => <OutcomeChip call={call} />} />
        <DataTable.Col source="talkSeconds" label="Talk time" align="right" sx={NO_WRAP} render={(call) => formatDuration(call.talkSeconds)} />
        <DataTable.Col source="startedAt" label="Started" sx={NO_WRAP}>
          <DateField source="startedAt" showTime options={{ dateStyle: 'medium', timeStyle: 'short' }} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
