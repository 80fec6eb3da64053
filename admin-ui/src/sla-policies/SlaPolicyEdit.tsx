import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { useSaveErrorHandler } from '../tickets/useSaveErrorHandler';
import { policyToApi } from './policyForm';
import { SlaPolicyInputs } from './SlaPolicyInputs';

export const SLA_POLICY_CONFLICT_MESSAGE = 'This SLA policy was changed by someone else — reloaded: check it and save again';

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this SLA policy?" confirmContent="Its open tickets move to the next policy that matches them." />
  </Toolbar>
);

/**
 * Pessimistic, so that the API's field errors show on the fields. The form sends the version it
 * loaded; if someone saved meanwhile the API refuses (409) and the policy is reloaded.
 */
export const SlaPolicyEdit = () => {
  const onError = useSaveErrorHandler(SLA_POLICY_CONFLICT_MESSAGE);
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} transform={policyToApi} redirect="list">
      <SimpleForm toolbar={<EditToolbar />}>
        <SlaPolicyInputs />
      </SimpleForm>
    </Edit>
  );
};
