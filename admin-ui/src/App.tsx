import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import tenants from './tenants';
import { theme } from './theme/theme';
import users from './users';

export const App = () => (
  <Admin
    title="CALLpro"
    dataProvider={dataProvider}
    authProvider={authProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="users" {...users} />
    <Resource name="tenants" {...tenants} />
  </Admin>
);
