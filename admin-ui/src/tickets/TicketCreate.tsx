import { Create, Loading, SimpleForm } from 'react-admin';
import { useSession } from '../providers/useSession';
import { TicketInputs } from './TicketInputs';
import { canAssignAnyone } from './ticketAccess';

/** A new ticket starts as `new`; an agent's is theirs unless they clear the assignee. Defaults from a lead page come in the location state. */
export const TicketCreate = () => {
  const { identity, ability, tenantId } = useSession();
  if (!identity || !ability) return <Loading />;
  const assignSelf = !canAssignAnyone({ ability, tenantId });
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ priority: 'normal', channel: 'phone', tags: [], assigneeId: assignSelf ? identity.user.id : null }}>
        <TicketInputs />
      </SimpleForm>
    </Create>
  );
};
