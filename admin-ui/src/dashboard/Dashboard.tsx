import SettingsIcon from '@mui/icons-material/Settings';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { isSuperAdmin } from '@callpro/permissions';
import { createElement } from 'react';
import { LinkBase, Loading, Title, useCreatePath, useGetResourceLabel, useResourceDefinitions } from 'react-admin';
import { menuEntries } from '../layout/menuEntries';
import { useSession } from '../providers/useSession';
import { ROLE_LABELS } from '../users/roles';

/** Who you are, where you are, and the screens you can use. */
export const Dashboard = () => {
  const { identity, ability, tenantId } = useSession();
  const resources = useResourceDefinitions();
  const getResourceLabel = useGetResourceLabel();
  const createPath = useCreatePath();
  if (!identity || !ability) return <Loading />;
  const entries = menuEntries({ ability, tenantId }, Object.keys(resources));
  const needsTenant = isSuperAdmin(identity.principal) && !identity.tenant;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Dashboard" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Welcome, {identity.fullName}
        </Typography>
        <Typography color="text.secondary">
          {ROLE_LABELS[identity.user.role]}
          {identity.tenant ? ` · ${identity.tenant.name}` : ''}
        </Typography>
        {needsTenant && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Choose a tenant in the top bar, or with “Work in this tenant” in the tenants list, to work with its users and data.
          </Alert>
        )}
        {entries.length > 0 && (
          <Box sx={{ mt: 3 }}>
            <Typography variant="subtitle2" color="text.secondary" gutterBottom>
              Go to
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {entries.map((entry) =>
                entry.kind === 'resource' ? (
                  <Button
                    key={entry.resource}
                    variant="outlined"
                    component={LinkBase}
                    to={createPath({ resource: entry.resource, type: 'list' })}
                    startIcon={resources[entry.resource].icon ? createElement(resources[entry.resource].icon) : undefined}
                  >
                    {getResourceLabel(entry.resource, 2)}
                  </Button>
                ) : (
                  <Button key={entry.to} variant="outlined" component={LinkBase} to={entry.to} startIcon={<SettingsIcon />}>
                    {entry.label}
                  </Button>
                ),
              )}
            </Stack>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
