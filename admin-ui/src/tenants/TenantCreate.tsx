import { Typography } from '@mui/material';
import { BooleanInput, Create, email, maxLength, minLength, PasswordInput, required, SimpleForm, TextInput } from 'react-admin';
import { PASSWORD_MIN_LENGTH } from '../users/validation';
import { TenantInputs } from './TenantInputs';

const DEFAULTS = { timezone: 'UTC', defaultCountry: 'US', settings: { missedCallFollowUp: true }, active: true, provisionDefaults: true };

/** A tenant is created with its first org admin, in one request. */
export const TenantCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={DEFAULTS}>
      <TenantInputs manageTenants />
      <BooleanInput
        source="provisionDefaults"
        label="Start with the default configuration"
        helperText="An office-hours business calendar with national holidays, the default SLA policies and call dispositions. Off: the tenant starts empty."
      />
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        First org admin
      </Typography>
      <TextInput source="admin.name" label="Name" validate={[required(), maxLength(200)]} />
      <TextInput source="admin.email" label="Email" type="email" validate={[required(), email(), maxLength(254)]} />
      <PasswordInput
        source="admin.password"
        label="Password"
        autoComplete="new-password"
        validate={[required(), minLength(PASSWORD_MIN_LENGTH)]}
        helperText={`At least ${PASSWORD_MIN_LENGTH} characters`}
      />
    </SimpleForm>
  </Create>
);
