import AddIcon from '@mui/icons-material/Add';
import AllInclusiveIcon from '@mui/icons-material/AllInclusive';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { TextInput, type Validator } from 'react-admin';
import { alwaysOpen, copyDay, isOvernight, validateEnd, validateStart, WEEKDAYS, weeklyOpenMinutes } from './calendarForm';
import type { OpeningInterval } from './types';

const NEW_INTERVAL = { start: '09:00', end: '17:00' };
const WORKDAYS = [1, 2, 3, 4, 5];
const NEVER_OPEN = 'This calendar is never open: add opening hours (or “Open 24/7”). Targets count only open time, so the calendar cannot be saved like this.';

const start: Validator = (value) => validateStart(value as string);
const endOf =
  (index: number): Validator =>
  (value, values) =>
    validateEnd(value as string, (values as { intervals?: OpeningInterval[] }).intervals?.[index]?.start);

const Row = ({ index, weekdayLabel, onRemove }: { index: number; weekdayLabel: string; onRemove: () => void }) => {
  const interval = useWatch({ name: `intervals.${index}` }) as OpeningInterval | undefined;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextInput source={`intervals.${index}.start`} label="Opens" validate={start} placeholder="09:00" sx={{ width: 110 }} helperText={false} />
      <TextInput source={`intervals.${index}.end`} label="Closes" validate={endOf(index)} placeholder="17:00" sx={{ width: 110 }} helperText={false} />
      {interval && isOvernight(interval) && <Chip size="small" label="until the next day" sx={{ mt: 2 }} />}
      <Tooltip title="Remove this interval">
        <IconButton aria-label={`Remove ${weekdayLabel} ${interval?.start ?? ''}–${interval?.end ?? ''}`} onClick={onRemove} sx={{ mt: 1 }}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
};

/**
 * Opening hours per weekday, several intervals each (split shifts), in local time of the calendar's
 * zone. The form keeps the API's flat list, in the order it was entered, so that the API's errors
 * (`intervals.3.end`, `intervals`) land on the right row.
 */
export const OpeningHoursInput = () => {
  const { control } = useFormContext();
  // a rule on the list itself, so that submitting re-checks it and clears the API's `intervals` error
  const { fields, append, remove, replace } = useFieldArray({
    control,
    name: 'intervals',
    rules: { validate: (value) => weeklyOpenMinutes(value as OpeningInterval[]) > 0 || NEVER_OPEN },
  });
  const intervals = (useWatch({ name: 'intervals' }) ?? []) as OpeningInterval[];
  const { errors } = useFormState({ name: 'intervals' });
  // the API's error is on `intervals`, the rule's on `intervals.root`
  const listErrors = errors.intervals as { message?: string; root?: { message?: string } } | undefined;
  const listError = listErrors?.message ?? listErrors?.root?.message;
  const neverOpen = weeklyOpenMinutes(intervals) === 0;

  return (
    <Box sx={{ width: '100%', mb: 2 }} role="group" aria-labelledby="opening-hours-title">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2" id="opening-hours-title" sx={{ flex: 1 }}>
          Opening hours
        </Typography>
        <Button size="small" startIcon={<ContentCopyIcon />} onClick={() => replace(copyDay(intervals, 1, WORKDAYS))}>
          Monday’s hours to Tuesday–Friday
        </Button>
        <Button size="small" startIcon={<AllInclusiveIcon />} onClick={() => replace(alwaysOpen())}>
          Open 24/7
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Local time of the calendar’s zone, HH:mm. Several intervals a day for split shifts; a closing time before the opening time runs past midnight; 00:00–24:00 is the whole day.
      </Typography>
      {(listError || neverOpen) && (
        <Alert severity={listError ? 'error' : 'warning'} sx={{ mb: 1 }} role="alert">
          {listError ?? NEVER_OPEN}
        </Alert>
      )}
      {WEEKDAYS.map(({ weekday, label }) => {
        const rows = fields.map((field, index) => ({ field, index })).filter(({ index }) => intervals[index]?.weekday === weekday);
        return (
          <Box key={weekday} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', py: 1, borderTop: 1, borderColor: 'divider' }}>
            <Typography sx={{ width: 110, pt: 1.5, fontWeight: 500 }}>{label}</Typography>
            <Stack sx={{ flex: 1 }}>
              {rows.length === 0 && (
                <Typography color="text.secondary" sx={{ pt: 1.5 }}>
                  Closed
                </Typography>
              )}
              {rows.map(({ field, index }) => (
                <Row key={field.id} index={index} weekdayLabel={label} onRemove={() => remove(index)} />
              ))}
            </Stack>
            <Button size="small" startIcon={<AddIcon />} onClick={() => append({ weekday, ...NEW_INTERVAL })} sx={{ mt: 1 }} aria-label={`Add an interval on ${label}`}>
              Add
            </Button>
          </Box>
        );
      })}
    </Box>
  );
};
