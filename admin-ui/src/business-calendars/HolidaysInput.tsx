import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { DateInput, maxLength, required, TextInput, type Validator } from 'react-admin';
import { validateHolidayTo, type HolidayRow } from './calendarForm';

const toOf =
  (index: number): Validator =>
  (value, values) =>
    validateHolidayTo(value as string, (values as { holidays?: HolidayRow[] }).holidays?.[index]?.from);

/** Closed dates: a single day (no end) or a range, both ends included, with an optional name. Kept in entry order (the API's errors are by index). */
export const HolidaysInput = () => {
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'holidays' });
  return (
    <Box sx={{ width: '100%', mb: 2 }} role="group" aria-labelledby="holidays-title">
      <Typography variant="h6" component="h2" id="holidays-title">
        Holidays
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Closed all day, whatever the opening hours. Leave “Last day” empty for a single day.
      </Typography>
      {fields.length === 0 && <Typography color="text.secondary">No holidays.</Typography>}
      {fields.map((field, index) => (
        <Stack key={field.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <DateInput source={`holidays.${index}.from`} label="First day" validate={required()} helperText={false} />
          <DateInput source={`holidays.${index}.to`} label="Last day" validate={toOf(index)} helperText={false} />
          <TextInput source={`holidays.${index}.name`} label="Name" validate={maxLength(100)} helperText={false} />
          <Tooltip title="Remove this holiday">
            <IconButton aria-label={`Remove holiday ${index + 1}`} onClick={() => remove(index)} sx={{ mt: 1 }}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} onClick={() => append({ from: '', to: '', name: '' })}>
        Add a holiday
      </Button>
    </Box>
  );
};
