import type { ReactNode } from 'react';
import { Admin, Resource } from 'react-admin';
import apiKeys from './api-keys';
import callLogs from './call-logs';
import { Dashboard } from './dashboard/Dashboard';
import dispositions from './dispositions';
import { Layout } from './layout/Layout';
import leads from './leads';
import { withLeadsApi } from './leads/leadsDataProvider';
import { LoginPage } from './login/LoginPage';
import notifications from './notifications';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { RealtimeProvider } from './realtime/RealtimeProvider';
import tenants from './tenants';
import { theme } from './theme/theme';
import tickets from './tickets';
import { withTicketsApi } from './tickets/ticketsDataProvider';
import users from './users';

/** The stock provider plus the tickets bulk endpoint and "nobody" filters (tickets/ticketsDataProvider.ts). */
const appDataProvider = withLeadsApi(withTicketsApi(dataProvider));

/** The authenticated screens, with the live connection that keeps them current. */
const AppLayout = ({ children }: { children: ReactNode }) => (
  <RealtimeProvider>
    <Layout>{children}</Layout>
  </RealtimeProvider>
);

export const App = () => (
  <Admin
    title="CALLpro"
    dataProvider={appDataProvider}
    authProvider={authProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    loginPage={LoginPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="tickets" {...tickets} />
    <Resource name="leads" {...leads} />
    <Resource name="call-logs" {...callLogs} />
    <Resource name="users" {...users} />
    <Resource name="tenants" {...tenants} />
    <Resource name="dispositions" {...dispositions} />
    <Resource name="api-keys" {...apiKeys} />
    <Resource name="notifications" {...notifications} />
  </Admin>
);
