import type { Role } from '@callpro/contracts';
import { Chip } from '@mui/material';

export const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  org_admin: 'Org admin',
  supervisor: 'Supervisor',
  agent: 'Agent',
};

const ROLE_COLORS: Record<Role, 'error' | 'primary' | 'secondary' | 'default'> = {
  super_admin: 'error',
  org_admin: 'primary',
  supervisor: 'secondary',
  agent: 'default',
};

export const roleChoices = (roles: readonly Role[]) => roles.map((id) => ({ id, name: ROLE_LABELS[id] }));

export const RoleChip = ({ role }: { role: Role }) => (
  <Chip size="small" label={ROLE_LABELS[role] ?? role} color={ROLE_COLORS[role] ?? 'default'} variant="outlined" />
);
