import { Alert } from '@mui/material';
import { Edit, Loading, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import { canAccessResource } from '../providers/canAccess';
import { useSession } from '../providers/useSession';
import { useSaveErrorHandler } from '../tickets/useSaveErrorHandler';
import { LeadInputs } from './LeadInputs';
import { LEAD_CONFLICT_MESSAGE } from './leadLabels';
import { LeadTitle } from './LeadTitle';
import type { LeadRecord } from './types';

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The form, or why this user cannot change the lead (an agent on a colleague's lead). */
const LeadEditForm = () => {
  const lead = useRecordContext<LeadRecord>();
  const { ability, tenantId } = useSession();
  if (!lead || !ability) return <Loading />;
  if (!canAccessResource({ ability, tenantId }, { action: 'edit', resource: 'leads', record: lead })) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        This lead belongs to someone else: only its owner, a supervisor or an admin can change it.
      </Alert>
    );
  }
  return (
    <SimpleForm toolbar={<EditToolbar />}>
      <LeadInputs />
    </SimpleForm>
  );
};

/** Pessimistic: the API's field errors (invalid or duplicate phone, owner) show on the fields. */
export const LeadEdit = () => {
  const onError = useSaveErrorHandler(LEAD_CONFLICT_MESSAGE);
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      redirect="show"
      title={<LeadTitle />}
      actions={
        <TopToolbar>
          <ShowButton label="Back to lead" />
        </TopToolbar>
      }
    >
      <LeadEditForm />
    </Edit>
  );
};
