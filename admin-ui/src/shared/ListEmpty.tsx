import { Box, Typography, type SvgIcon } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton } from 'react-admin';

export interface ListEmptyProps {
  icon: typeof SvgIcon;
  /** "No tickets yet". */
  title: string;
  /** What the list will hold, under the title. */
  children?: ReactNode;
  /** The create button's label; no button without one (e.g. for users who may not create). */
  createLabel?: string;
}

/** Shown instead of a list while the tenant has no records at all (a filter with no match says "no results"). */
export const ListEmpty = ({ icon: Icon, title, children, createLabel }: ListEmptyProps) => (
  <Box sx={{ textAlign: 'center', m: 6, flex: 1 }}>
    <Icon sx={{ fontSize: 64, color: 'text.disabled' }} />
    <Typography variant="h6" sx={{ my: 1 }}>
      {title}
    </Typography>
    {children && (
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {children}
      </Typography>
    )}
    {createLabel && <CreateButton variant="contained" label={createLabel} />}
  </Box>
);
