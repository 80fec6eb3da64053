import { Admin } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

export const App = () => <Admin dataProvider={simpleRestProvider('/api/v1')} />;
