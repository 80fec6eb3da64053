import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { useSession } from '../providers/useSession';
import { TenantInputs } from './TenantInputs';

// Tenants are deactivated (active = false), never deleted: no delete button.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Super admins edit any tenant from the list; an org admin edits their own as "Organisation settings". */
export const TenantEdit = () => {
  const { ability } = useSession();
  const manageTenants = ability?.can('manage', 'Tenant') ?? false;
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={manageTenants ? 'list' : false}
      title={manageTenants ? undefined : 'Organisation settings'}
    >
      <SimpleForm toolbar={<EditToolbar />}>
        <TenantInputs manageTenants={manageTenants} />
      </SimpleForm>
    </Edit>
  );
};
