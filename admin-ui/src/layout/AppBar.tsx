import BusinessIcon from '@mui/icons-material/Business';
import { Box, Chip, Typography } from '@mui/material';
import { isSuperAdmin } from '@callpro/permissions';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { useSession } from '../providers/useSession';
import { TenantSwitcher } from './TenantSwitcher';
import { UserMenu } from './UserMenu';

/** A super admin switches tenant here; everyone else sees the name of their organisation. */
const TenantIndicator = () => {
  const { identity, tenantId } = useSession();
  if (!identity) return null;
  if (isSuperAdmin(identity.principal)) return <TenantSwitcher currentTenantId={tenantId} />;
  if (!identity.tenant) return null;
  return <Chip icon={<BusinessIcon />} label={identity.tenant.name} sx={{ mx: 1, bgcolor: 'rgba(255,255,255,0.15)', color: 'inherit', '& .MuiChip-icon': { color: 'inherit' } }} />;
};

export const AppBar = () => (
  <RaAppBar color="primary" userMenu={<UserMenu />}>
    <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5, mr: 2 }}>
      CALLpro
    </Typography>
    <TitlePortal variant="subtitle1" />
    <Box sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center' }}>
      <TenantIndicator />
    </Box>
    <NotificationBell />
  </RaAppBar>
);
