import { Box } from '@mui/material';
import {
  AutocompleteInput,
  email,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TextArrayInput,
  TextInput,
} from 'react-admin';
import { useSession } from '../providers/useSession';
import { canAssignAnyone } from './ticketAccess';
import { channelChoices, priorityChoices } from './ticketLabels';

/** Limits of the API (tickets/dto/ticket-fields.ts), checked here too so most mistakes show before a round trip. */
const SUBJECT_MAX = 300;
const DESCRIPTION_MAX = 20_000;

/** Anyone active for supervisors and admins; an agent can only take the ticket or leave it unassigned. */
const AssigneeInput = () => {
  const { identity, ability, tenantId } = useSession();
  if (!identity || !ability) return null;
  if (canAssignAnyone({ ability, tenantId })) {
    return (
      <ReferenceInput source="assigneeId" reference="users" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput label="Assignee" optionText="name" filterToQuery={(q) => ({ q })} emptyText="Unassigned" />
      </ReferenceInput>
    );
  }
  return <SelectInput source="assigneeId" label="Assignee" choices={[{ id: identity.user.id, name: `Me (${identity.user.name})` }]} emptyText="Unassigned" />;
};

/** The fields of a ticket's create and edit forms. The status changes on the ticket page, by its buttons. */
export const TicketInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 900 }}>
    <TextInput source="subject" validate={[required(), maxLength(SUBJECT_MAX)]} fullWidth />
    <TextInput source="description" multiline minRows={4} validate={maxLength(DESCRIPTION_MAX)} fullWidth />
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } }}>
      <SelectInput source="priority" choices={priorityChoices} validate={required()} />
      <SelectInput source="channel" choices={channelChoices} validate={required()} />
      <AssigneeInput />
    </Box>
    <TextArrayInput source="tags" helperText="Press Enter after each tag" fullWidth />
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } }}>
      <TextInput source="requesterName" label="Requester name" validate={maxLength(200)} />
      <TextInput source="requesterPhone" label="Requester phone" validate={maxLength(64)} helperText="Any format; stored as +E.164" />
      <TextInput source="requesterEmail" label="Requester email" type="email" validate={[email(), maxLength(254)]} />
    </Box>
    <ReferenceInput source="leadId" reference="leads" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="Lead" optionText="name" filterToQuery={(q) => ({ q })} emptyText="No lead" fullWidth />
    </ReferenceInput>
  </Box>
);
