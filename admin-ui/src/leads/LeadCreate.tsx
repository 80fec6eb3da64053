import { Create, Loading, SimpleForm } from 'react-admin';
import { useSession } from '../providers/useSession';
import { LeadInputs } from './LeadInputs';

/** The creating user owns the new lead unless a supervisor or admin chooses someone else (or nobody). */
export const LeadCreate = () => {
  const { identity } = useSession();
  if (!identity) return <Loading />;
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ status: 'new', ownerId: identity.user.id }}>
        <LeadInputs />
      </SimpleForm>
    </Create>
  );
};
