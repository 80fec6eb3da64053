import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { BusinessCalendarInputs } from './BusinessCalendarInputs';
import { calendarToApi } from './calendarForm';

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this calendar?" confirmContent="Only a calendar that no SLA policy uses can be deleted." />
  </Toolbar>
);

/** Pessimistic, so that the API's field errors show on the fields; due times of open tickets follow a change. */
export const BusinessCalendarEdit = () => (
  <Edit mutationMode="pessimistic" transform={calendarToApi} redirect="list">
    <SimpleForm toolbar={<EditToolbar />}>
      <BusinessCalendarInputs />
    </SimpleForm>
  </Edit>
);
