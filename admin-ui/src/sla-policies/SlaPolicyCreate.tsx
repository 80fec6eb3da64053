import { Create, SimpleForm } from 'react-admin';
import { policyToApi } from './policyForm';
import { SlaPolicyInputs } from './SlaPolicyInputs';

/** The API's defaults, shown; a new policy goes to the end of the matching order. */
const DEFAULTS = {
  active: true,
  priorities: [],
  channels: [],
  tags: [],
  firstResponseMinutes: null,
  nextResponseMinutes: null,
  resolutionMinutes: null,
  warnAtPercent: [75, 90],
  pauseStatuses: ['pending'],
  calendarId: null,
};

export const SlaPolicyCreate = () => (
  <Create transform={policyToApi} redirect="list">
    <SimpleForm defaultValues={DEFAULTS}>
      <SlaPolicyInputs />
    </SimpleForm>
  </Create>
);
