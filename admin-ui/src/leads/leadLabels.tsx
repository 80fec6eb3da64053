import { LEAD_STATUSES, type LeadStatus } from '@callpro/contracts';
import { Chip } from '@mui/material';

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  won: 'Won',
  lost: 'Lost',
};

const LEAD_STATUS_COLORS: Record<LeadStatus, 'default' | 'info' | 'primary' | 'success' | 'error'> = {
  new: 'info',
  contacted: 'primary',
  qualified: 'primary',
  won: 'success',
  lost: 'default',
};

export const leadStatusChoices = LEAD_STATUSES.map((id) => ({ id, name: LEAD_STATUS_LABELS[id] }));

export const LeadStatusChip = ({ status }: { status: LeadStatus }) => (
  <Chip size="small" label={LEAD_STATUS_LABELS[status] ?? status} color={LEAD_STATUS_COLORS[status] ?? 'default'} variant={status === 'qualified' ? 'outlined' : 'filled'} />
);

export const LEAD_CONFLICT_MESSAGE = 'This lead was changed by someone else — reloaded';
