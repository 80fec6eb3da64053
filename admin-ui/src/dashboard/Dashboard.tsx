import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { canViewAnalytics, isSuperAdmin } from '@callpro/permissions';
import { Loading, Title } from 'react-admin';
import { TenantSwitcher } from '../layout/TenantSwitcher';
import { useSession } from '../providers/useSession';
import { ROLE_LABELS } from '../users/roles';
import { CallsPerHour } from './CallsPerHour';
import { KpiCards } from './KpiCards';
import { LiveFeed } from './LiveFeed';
import { TicketQueue } from './TicketQueue';
import { useLiveFigures } from './useDashboardFigures';

/** A super admin acting on no tenant has no figures to see: only a way to pick one. */
const ChooseTenant = () => (
  <Card sx={{ mt: 2 }}>
    <CardContent>
      <Typography variant="h5" component="h1" gutterBottom>
        Choose a tenant
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        The dashboard shows one tenant’s calls and tickets. Pick the tenant to work in (also possible in the top bar, or with “Work in this tenant” in the tenants list).
      </Typography>
      <Box data-testid="choose-tenant">
        <TenantSwitcher currentTenantId={null} />
      </Box>
    </CardContent>
  </Card>
);

/**
 * The home page: today's key figures against their previous periods, calls per hour against the
 * same weekday last week, the tickets to work on and a live feed of calls and tickets. Agents see
 * their own figures (the API decides) under "My …" labels. Everything follows events live.
 */
export const Dashboard = () => {
  const { identity, ability } = useSession();
  useLiveFigures();
  if (!identity || !ability) return <Loading />;
  if (!identity.tenant) {
    return isSuperAdmin(identity.principal) ? (
      <ChooseTenant />
    ) : (
      <Alert severity="warning" sx={{ mt: 2 }}>
        Your account belongs to no tenant, so there is nothing to show. Ask an administrator.
      </Alert>
    );
  }
  const { id: tenantId, timezone, name } = identity.tenant;
  const team = canViewAnalytics(ability);
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Dashboard" />
      <Box>
        <Typography variant="h5" component="h1">
          Welcome, {identity.fullName}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {ROLE_LABELS[identity.user.role]} · {name} · {team ? 'Figures for the whole team' : 'Your own figures'}, days in {timezone}
        </Typography>
      </Box>
      <KpiCards tenantId={tenantId} timeZone={timezone} mine={!team} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' } }}>
        <CallsPerHour tenantId={tenantId} timeZone={timezone} />
        <TicketQueue team={team} />
      </Box>
      <LiveFeed />
    </Stack>
  );
};
