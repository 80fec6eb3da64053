import type { AppAbility } from '@callpro/permissions';
import { useGetIdentity, usePermissions } from 'react-admin';
import type { CallproIdentity } from './authProvider';

/** The session as components see it: identity and ability (both from the one cached GET /auth/me). */
export function useSession(): { identity?: CallproIdentity; ability?: AppAbility; tenantId: string | null; isPending: boolean } {
  const { identity, isPending: identityPending } = useGetIdentity();
  const { permissions, isPending: permissionsPending } = usePermissions<AppAbility>();
  const callproIdentity = identity as CallproIdentity | undefined;
  return {
    identity: callproIdentity,
    ability: permissions,
    tenantId: callproIdentity?.tenant?.id ?? null,
    isPending: identityPending || permissionsPending,
  };
}
