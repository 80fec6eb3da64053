import type { ReactNode } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import apiKeys from './api-keys';
import businessCalendars from './business-calendars';
import callLogs from './call-logs';
import { CRM_ANALYTICS_PATH, CrmAnalyticsPage } from './crm-analytics';
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
import slaPolicies from './sla-policies';
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
    <Resource name="sla-policies" {...slaPolicies} />
    <Resource name="business-calendars" {...businessCalendars} />
    <Resource name="notifications" {...notifications} />
    <CustomRoutes>
      <Route path={CRM_ANALYTICS_PATH} element={<CrmAnalyticsPage />} />
    </CustomRoutes>
  </Admin>
);
