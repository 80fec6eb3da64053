import {
  BooleanInput,
  Edit,
  email,
  Loading,
  maxLength,
  minLength,
  PasswordInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { useSession } from '../providers/useSession';
import { roleChoices } from './roles';
import type { UserRecord } from './types';
import { assignableRoles, editableUserFields } from './userAccess';
import { PASSWORD_MIN_LENGTH, PHONE_VALIDATION } from './validation';

// Users are deactivated (active = false), never deleted: no delete button.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Fields this session may not change are shown disabled; disabled fields are left out of the PUT. */
const UserEditForm = () => {
  const record = useRecordContext<UserRecord>();
  const { ability } = useSession();
  if (!record || !ability) return <Loading />;
  const editable = editableUserFields(ability, record);
  const roles = assignableRoles(ability, record);
  const shownRoles = roles.includes(record.role) ? roles : [record.role, ...roles];
  return (
    <SimpleForm toolbar={<EditToolbar />}>
      <TextInput source="name" disabled={!editable.has('name')} validate={[required(), maxLength(200)]} />
      <TextInput source="email" type="email" disabled={!editable.has('email')} validate={[required(), email(), maxLength(254)]} />
      <TextInput source="phone" disabled={!editable.has('phone')} validate={PHONE_VALIDATION} />
      <SelectInput source="role" choices={roleChoices(shownRoles)} disabled={!editable.has('role') || roles.length === 0} validate={required()} />
      <BooleanInput source="active" disabled={!editable.has('active')} helperText="Inactive users cannot log in" />
      {editable.has('password') && (
        <PasswordInput
          source="password"
          label="Set a new password"
          autoComplete="new-password"
          validate={minLength(PASSWORD_MIN_LENGTH)}
          helperText={`Leave empty to keep the current password; at least ${PASSWORD_MIN_LENGTH} characters`}
        />
      )}
    </SimpleForm>
  );
};

export const UserEdit = () => {
  const { ability } = useSession();
  // who manages users goes back to the list; an agent editing their profile stays on it
  const redirect = ability?.can('create', 'User') ? 'list' : false;
  return (
    <Edit mutationMode="pessimistic" redirect={redirect}>
      <UserEditForm />
    </Edit>
  );
};
