import { useCallback } from 'react';
import { useAuthProvider } from 'react-admin';
import type { CallproAuthProvider } from '../providers/authProvider';

/**
 * A super admin switches the tenant they act on (null: none). The app then reloads on the
 * dashboard, so nothing read for the previous tenant survives in react-admin's caches.
 */
export function useSwitchTenant(): (tenantId: string | null) => void {
  const authProvider = useAuthProvider<CallproAuthProvider>();
  return useCallback(
    (tenantId) => {
      authProvider?.switchTenant(tenantId);
      window.location.hash = '#/';
      window.location.reload();
    },
    [authProvider],
  );
}
