import { AutocompleteInput, DateTimeInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { useActiveUsers } from '../tickets/PersonFilterInput';
import { localDateTimeToIso } from './callFormat';
import { directionChoices, outcomeChoices } from './callLabels';

/** "Me" or an active colleague (the API takes a user id or "me"). */
const AgentFilterInput = ({ source, label }: { source: string; label: string; alwaysOn?: boolean }) => {
  const { data = [], isPending } = useActiveUsers();
  const choices = [{ id: 'me', name: 'Me' }, ...data.map((u) => ({ id: u.id, name: u.name }))];
  return <AutocompleteInput source={source} label={label} choices={choices} isPending={isPending} sx={{ minWidth: 220 }} />;
};

/** The list's filters; agents see only their own calls, so they get no agent filter. */
export function callFilters(teamCalls: boolean) {
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder="Phone number" />,
    <DateTimeInput key="startedAt_gte" source="startedAt_gte" label="Started from" parse={localDateTimeToIso} alwaysOn />,
    <DateTimeInput key="startedAt_lte" source="startedAt_lte" label="Started until" parse={localDateTimeToIso} alwaysOn />,
    <SelectInput key="direction" source="direction" choices={directionChoices} />,
    <SelectArrayInput key="outcome" source="outcome" choices={outcomeChoices} sx={{ minWidth: 180 }} />,
    ...(teamCalls ? [<AgentFilterInput key="agentId" source="agentId" label="Agent" />] : []),
  ];
}
