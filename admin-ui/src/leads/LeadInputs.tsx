import { Box } from '@mui/material';
import { AutocompleteInput, email, maxLength, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { useSession } from '../providers/useSession';
import { canChooseLeadOwner } from './leadAccess';
import { leadStatusChoices } from './leadLabels';

/** Supervisors and admins choose any active owner; an agent's leads are their own, so the field is shown fixed. */
const OwnerInput = () => {
  const { ability, tenantId } = useSession();
  const choose = !!ability && canChooseLeadOwner({ ability, tenantId });
  return (
    <ReferenceInput source="ownerId" reference="users" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label="Owner"
        optionText="name"
        filterToQuery={(q) => ({ q })}
        emptyText="Nobody"
        disabled={!choose}
        helperText={choose ? 'Empty: nobody yet' : 'Agents own the leads they create'}
      />
    </ReferenceInput>
  );
};

/** The fields of a lead's create and edit forms; the API's checks (phone, unique number, owner) show on them too. */
export const LeadInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 900 }}>
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' } }}>
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <TextInput source="company" validate={maxLength(200)} />
      <TextInput source="phone" validate={maxLength(64)} helperText="Any format; stored as +E.164" />
      <TextInput source="email" type="email" validate={[email(), maxLength(254)]} />
      <SelectInput source="status" choices={leadStatusChoices} validate={required()} />
      <TextInput source="source" validate={maxLength(100)} helperText="Campaign, referral, web form …" />
      <OwnerInput />
    </Box>
  </Box>
);
