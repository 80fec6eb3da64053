import { Box, Stack, Typography } from '@mui/material';
import { Form, maxLength, minValue, maxValue, NumberInput, SaveButton, SelectInput, TextInput, useGetList, useNotify, useUpdate } from 'react-admin';
import type { DispositionRecord } from '../dispositions/types';
import { useSession } from '../providers/useSession';
import { errorMessage } from '../tickets/saveErrors';
import { canWrapUp } from './callAccess';
import { formatDuration } from './callFormat';
import type { CallLogRecord } from './types';
import { dispositionChoices, wrapUpChanges, type WrapUpValues } from './wrapUp';

const NOTES_MAX = 5000;
const MAX_SECONDS = 86_400;

const ReadOnlyWrapUp = ({ call }: { call: CallLogRecord }) => (
  <Stack spacing={1.5}>
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        Disposition
      </Typography>
      <Typography variant="body2">{call.disposition ?? '—'}</Typography>
    </Box>
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        Notes
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {call.notes ?? '—'}
      </Typography>
    </Box>
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        Wrap-up time
      </Typography>
      <Typography variant="body2">{formatDuration(call.wrapUpSeconds) || '—'}</Typography>
    </Box>
  </Stack>
);

/** Disposition, notes and wrap-up time, editable by the call's agent, supervisors and admins. */
export const CallWrapUp = ({ call }: { call: CallLogRecord }) => {
  const { ability } = useSession();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate<CallLogRecord>();
  const { data: dispositions = [], isPending: dispositionsPending } = useGetList<DispositionRecord>('dispositions', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'position', order: 'ASC' },
  });
  if (!ability || !canWrapUp(ability, call)) return <ReadOnlyWrapUp call={call} />;

  const save = (values: WrapUpValues) =>
    update(
      'call-logs',
      { id: call.id, data: wrapUpChanges(values), previousData: call },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => notify('Call wrap-up saved', { type: 'success' }),
        onError: (error) => notify(errorMessage(error), { type: 'error' }),
      },
    );
  const record = { id: call.id, disposition: call.disposition ?? '', notes: call.notes ?? '', wrapUpSeconds: call.wrapUpSeconds };
  return (
    <Form record={record} onSubmit={save} disabled={isPending}>
      <SelectInput
        source="disposition"
        choices={dispositionChoices(dispositions, call.disposition)}
        isPending={dispositionsPending}
        emptyText="None"
        fullWidth
        helperText={false}
      />
      <TextInput source="notes" multiline minRows={3} fullWidth validate={maxLength(NOTES_MAX)} helperText={false} />
      <NumberInput
        source="wrapUpSeconds"
        label="Wrap-up time (seconds)"
        min={0}
        max={MAX_SECONDS}
        step={1}
        validate={[minValue(0), maxValue(MAX_SECONDS)]}
        helperText="Time spent on the call's follow-up work after hanging up"
      />
      <Box sx={{ mt: 1 }}>
        <SaveButton label="Save wrap-up" />
      </Box>
    </Form>
  );
};
