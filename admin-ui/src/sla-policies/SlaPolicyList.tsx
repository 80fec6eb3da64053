import TimerIcon from '@mui/icons-material/Timer';
import { Chip, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { BooleanField, DataTable, ReferenceField, TextField, useNotify, useRefresh } from 'react-admin';
import { useSession } from '../providers/useSession';
import { OrderedList } from '../shared/OrderedList';
import { CHANNEL_LABELS, PRIORITY_LABELS } from '../tickets/ticketLabels';
import { errorMessage } from '../tickets/saveErrors';
import { formatMinutes } from './durations';
import { reorderSlaPolicies } from './slaPoliciesApi';
import type { SlaPolicyRecord } from './types';
import { ListEmpty } from '../shared/ListEmpty';

const PoliciesEmpty = ({ manage }: { manage: boolean }) => (
  <ListEmpty icon={TimerIcon} title="No SLA policies yet" createLabel={manage ? 'Add the first policy' : undefined}>
    A policy gives the tickets it matches due times for first response, next response and resolution.
  </ListEmpty>
);

/** The conditions as chips; no condition at all matches every ticket. */
const Conditions = ({ policy }: { policy: SlaPolicyRecord }) => {
  const labels = [
    ...policy.priorities.map((p) => PRIORITY_LABELS[p] ?? p),
    ...policy.channels.map((c) => CHANNEL_LABELS[c] ?? c),
    ...policy.tags.map((t) => `#${t}`),
  ];
  if (labels.length === 0) return <Typography variant="body2">Every ticket</Typography>;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {labels.map((label) => (
        <Chip key={label} size="small" label={label} variant="outlined" />
      ))}
    </Stack>
  );
};

/** One request with every id in the new order; the API renumbers and re-matches open tickets. */
const useReorder = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (ids: string[]) => reorderSlaPolicies(ids),
    onSuccess: () => notify('New order saved: open tickets were matched again', { type: 'info' }),
    // e.g. a policy added meanwhile (the API wants every id): show it and reload the list
    onError: (error: unknown) => notify(errorMessage(error) || 'The new order could not be saved', { type: 'error' }),
    onSettled: () => refresh(),
  });
};

/** In matching order (the first active match applies); org admins add, edit and reorder, supervisors and agents only read. */
export const SlaPolicyList = () => {
  const { ability } = useSession();
  const manage = ability?.can('update', 'SlaPolicy') ?? false;
  const reorder = useReorder();
  return (
    <OrderedList<SlaPolicyRecord>
      manage={manage}
      onMove={(order) => reorder.mutate(order.map((p) => p.id))}
      busy={reorder.isPending}
      empty={<PoliciesEmpty manage={ability?.can('create', 'SlaPolicy') ?? false} />}
      errorTitle="The SLA policies could not be loaded."
      actions={manage ? undefined : false}
    >
      <DataTable.Col source="name" disableSort />
      <DataTable.Col label="Applies to" disableSort render={(p) => <Conditions policy={p as SlaPolicyRecord} />} />
      <DataTable.Col label="First response" disableSort render={(p) => formatMinutes(p.firstResponseMinutes)} />
      <DataTable.Col label="Next response" disableSort render={(p) => formatMinutes(p.nextResponseMinutes)} />
      <DataTable.Col label="Resolution" disableSort render={(p) => formatMinutes(p.resolutionMinutes)} />
      <DataTable.Col label="Calendar" disableSort>
        <ReferenceField<SlaPolicyRecord> source="calendarId" reference="business-calendars" link={false} emptyText="24/7">
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </OrderedList>
  );
};
