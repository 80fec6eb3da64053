import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Divider, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { asSubject } from '@callpro/permissions';
import { forwardRef } from 'react';
import { LinkBase, Logout, UserMenu as RaUserMenu, useUserMenu } from 'react-admin';
import { useSession } from '../providers/useSession';
import { ROLE_LABELS } from '../users/roles';

const ProfileItem = forwardRef<HTMLAnchorElement, { userId: string }>(({ userId }, ref) => {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={LinkBase} to={`/users/${userId}`} ref={ref} onClick={userMenu?.onClose}>
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>My profile</ListItemText>
    </MenuItem>
  );
});
ProfileItem.displayName = 'ProfileItem';

/** Name, email and role, "My profile" for who may edit their own user, and logout. */
export const UserMenu = () => {
  const { identity, ability } = useSession();
  const user = identity?.user;
  // super admins belong to no tenant, so they have no row in a tenant's users resource
  const canEditSelf = !!user && user.tenantId !== null && !!ability?.can('update', asSubject('User', { id: user.id, role: user.role }));
  return (
    <RaUserMenu>
      {user && (
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          <ListItemText primary={user.name} secondary={`${user.email} · ${ROLE_LABELS[user.role]}`} />
        </MenuItem>
      )}
      {user && <Divider />}
      {canEditSelf && <ProfileItem userId={user.id} />}
      <Logout />
    </RaUserMenu>
  );
};
