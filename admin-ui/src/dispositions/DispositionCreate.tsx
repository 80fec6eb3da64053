import { Create, SimpleForm } from 'react-admin';
import { DispositionInputs } from './DispositionInputs';

/** New entries go to the end of the list (the API picks the position). */
export const DispositionCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true }}>
      <DispositionInputs />
    </SimpleForm>
  </Create>
);
