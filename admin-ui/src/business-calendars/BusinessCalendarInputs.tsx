import { AutocompleteInput, maxLength, required, TextInput, useRecordContext } from 'react-admin';
import { browserTimeZones, timeZoneChoices } from '../shared/timeZones';
import { HolidaysInput } from './HolidaysInput';
import { OpeningHoursInput } from './OpeningHoursInput';
import type { BusinessCalendarRecord } from './types';

/** The fields of a business calendar; the API's field errors show on them (same names and row order). */
export const BusinessCalendarInputs = () => {
  const record = useRecordContext<BusinessCalendarRecord>();
  const zones = timeZoneChoices(browserTimeZones(), record?.timezone);
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(100)]} helperText="Unique, e.g. “Office hours”" />
      <AutocompleteInput source="timezone" label="Time zone" choices={zones} validate={required()} helperText="Opening hours and holiday dates are local time of this zone" />
      <OpeningHoursInput />
      <HolidaysInput />
    </>
  );
};
