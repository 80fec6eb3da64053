import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

const brand = { main: '#1d4ed8', light: '#60a5fa', dark: '#1e3a8a', contrastText: '#ffffff' };
const accent = { main: '#0f766e', light: '#5eead4', dark: '#134e4a', contrastText: '#ffffff' };

/** react-admin's light theme with the CALLpro colours, a white sidebar and a marked active menu entry. */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: brand,
    secondary: accent,
    background: { default: '#f5f7fb', paper: '#ffffff' },
  },
  shape: { borderRadius: 8 },
  typography: {
    ...defaultLightTheme.typography,
    fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  sidebar: { width: 230, closedWidth: 56 },
  components: {
    ...defaultLightTheme.components,
    RaAppBar: {
      styleOverrides: { root: { '& .RaAppBar-toolbar': { paddingRight: 8 } } },
    },
    RaSidebar: {
      styleOverrides: {
        root: { '&.MuiDrawer-docked': { backgroundColor: '#ffffff', borderRight: '1px solid #e5e7eb' } },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': {
            borderLeftColor: brand.main,
            color: brand.dark,
            fontWeight: 600,
            '& .RaMenuItemLink-icon': { color: brand.main },
          },
        },
      },
    },
  },
};
