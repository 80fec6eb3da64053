import { Box, FormHelperText, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type ChangeEvent } from 'react';
import { InputHelperText, useInput, type Validator } from 'react-admin';
import { joinDuration, splitMinutes, type DurationParts } from './durations';

export interface DurationInputProps {
  /** A field holding business minutes, or null for none. */
  source: string;
  label: string;
  helperText?: string;
  validate?: Validator | Validator[];
}

const sameMinutes = (a: number | null, b: unknown) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * A duration entered as hours and minutes and stored as minutes (the API's unit). Both boxes empty
 * means no target. Errors of the field, the API's included, show under the pair.
 */
export const DurationInput = ({ source, label, helperText, validate }: DurationInputProps) => {
  const identity = (value: unknown) => value;
  const { field, fieldState, id } = useInput({ source, validate, format: identity, parse: identity });
  const [parts, setParts] = useState<DurationParts>(() => splitMinutes(field.value as number | null));
  // follow the value when it changes from outside: the record loaded, or reloaded after a conflict
  useEffect(() => {
    if (!sameMinutes(joinDuration(parts), field.value)) setParts(splitMinutes(field.value as number | null));
  }, [field.value, parts]);

  const change = (key: keyof DurationParts) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [key]: event.target.value };
    setParts(next);
    field.onChange(joinDuration(next));
  };
  const box = (key: keyof DurationParts, text: string) => (
    <TextField
      id={`${id}-${key}`}
      label={text}
      type="number"
      size="small"
      value={parts[key]}
      onChange={change(key)}
      onBlur={field.onBlur}
      error={fieldState.invalid}
      slotProps={{ htmlInput: { min: 0, step: 1 } }}
      sx={{ width: 110 }}
    />
  );
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }} className={`ra-input ra-input-${source}`}>
      <Typography component="legend" variant="body2" sx={{ mb: 1 }}>
        {label}
      </Typography>
      <Stack direction="row" spacing={1}>
        {box('hours', 'Hours')}
        {box('minutes', 'Minutes')}
      </Stack>
      <FormHelperText error={fieldState.invalid}>
        <InputHelperText error={fieldState.error?.message} helperText={helperText} />
      </FormHelperText>
    </Box>
  );
};
