import { Alert } from '@mui/material';
import { Edit, Loading, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import { TicketInputs } from './TicketInputs';
import { TicketTitle } from './TicketTitle';
import { TICKET_CONFLICT_MESSAGE } from './saveErrors';
import { useSaveErrorHandler } from './useSaveErrorHandler';
import type { TicketRecord } from './types';
import { useTicketActions } from './useTicketActions';

// Deleting is on the ticket page, for who may.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The form, or why this user cannot change the ticket (an agent on a colleague's ticket). */
const TicketEditForm = () => {
  const ticket = useRecordContext<TicketRecord>();
  const actions = useTicketActions(ticket);
  if (!ticket || !actions) return <Loading />;
  if (!actions.canEdit) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        This ticket is assigned to someone else: only they, a supervisor or an admin can change it. You can still add notes on the ticket page.
      </Alert>
    );
  }
  return (
    <SimpleForm toolbar={<EditToolbar />}>
      <TicketInputs />
    </SimpleForm>
  );
};

/**
 * Pessimistic, so that the API's field errors show on the fields. The form sends the version it
 * loaded; if someone saved meanwhile the API refuses (409), the ticket is reloaded and the fields
 * this user changed are kept, ready to save again.
 */
export const TicketEdit = () => {
  const onError = useSaveErrorHandler(TICKET_CONFLICT_MESSAGE);
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      redirect="show"
      title={<TicketTitle />}
      actions={
        <TopToolbar>
          <ShowButton label="Back to ticket" />
        </TopToolbar>
      }
    >
      <TicketEditForm />
    </Edit>
  );
};
