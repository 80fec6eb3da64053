import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { DispositionInputs } from './DispositionInputs';

/** Delete works only while no call carries the entry (the API answers 409, shown as is): deactivate it otherwise. */
const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this disposition?" confirmContent="Only an entry that no call carries can be deleted." />
  </Toolbar>
);

/** A rename carries over to the calls that carry the entry (the API cascades it). */
export const DispositionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<EditToolbar />}>
      <DispositionInputs />
    </SimpleForm>
  </Edit>
);
