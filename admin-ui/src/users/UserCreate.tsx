import {
  BooleanInput,
  Create,
  email,
  Loading,
  maxLength,
  minLength,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useSession } from '../providers/useSession';
import { roleChoices } from './roles';
import { PASSWORD_MIN_LENGTH, PHONE_VALIDATION } from './validation';
import { assignableRoles } from './userAccess';

export const UserCreate = () => {
  const { ability } = useSession();
  if (!ability) return <Loading />;
  const roles = assignableRoles(ability);
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ role: roles.includes('agent') ? 'agent' : roles[0], active: true }}>
        <TextInput source="name" validate={[required(), maxLength(200)]} />
        <TextInput source="email" type="email" validate={[required(), email(), maxLength(254)]} />
        <TextInput source="phone" validate={PHONE_VALIDATION} />
        <SelectInput source="role" choices={roleChoices(roles)} validate={required()} />
        <PasswordInput
          source="password"
          autoComplete="new-password"
          validate={[required(), minLength(PASSWORD_MIN_LENGTH)]}
          helperText={`At least ${PASSWORD_MIN_LENGTH} characters`}
        />
        <BooleanInput source="active" />
      </SimpleForm>
    </Create>
  );
};
