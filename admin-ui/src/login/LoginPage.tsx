import { Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, required, TextInput } from 'react-admin';

/** react-admin's login page, asking for an email rather than a "username". */
export const LoginPage = () => (
  <Login>
    <LoginForm>
      <TextInput autoFocus source="email" type="email" label="Email" autoComplete="username" validate={required()} />
      <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
    </LoginForm>
    {import.meta.env.DEV && (
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', textAlign: 'center', pb: 2 }}>
        demo logins: see README
      </Typography>
    )}
  </Login>
);
