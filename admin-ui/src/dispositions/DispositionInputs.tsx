import { BooleanInput, maxLength, required, TextInput } from 'react-admin';

export const DispositionInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} helperText="What agents pick after a call, e.g. “Call back later”" />
    <BooleanInput source="active" helperText="Inactive entries are no longer offered; calls that carry them keep them" />
  </>
);
