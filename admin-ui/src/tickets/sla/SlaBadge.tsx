import { Chip, Tooltip, Typography, type ChipProps } from '@mui/material';
import type { SlaMetric } from '@callpro/contracts';
import { metricBadge, SLA_METRIC_LABELS, ticketSlaBadge, type SlaBadgeState, type SlaBadgeView } from './slaState';
import type { SlaMetricRecord, TicketSlaRecord } from './slaTypes';
import { useSlaClock } from './useSlaClock';

const COLOUR: Record<SlaBadgeState, ChipProps['color']> = {
  ok: 'success',
  warning: 'warning',
  breached: 'error',
  met: 'success',
  paused: 'default',
};

const STATE_LABEL: Record<SlaBadgeState, string> = {
  ok: 'on time',
  warning: 'due soon',
  breached: 'breached',
  met: 'met',
  paused: 'paused',
};

const BadgeChip = ({ view }: { view: SlaBadgeView }) => {
  const metric = SLA_METRIC_LABELS[view.metric];
  const due = view.dueAt ? `, due ${new Date(view.dueAt).toLocaleString()}` : '';
  return (
    <Tooltip title={`${metric} ${STATE_LABEL[view.state]}${due}`}>
      <Chip
        size="small"
        label={view.text}
        color={COLOUR[view.state]}
        variant={view.state === 'met' || view.state === 'paused' ? 'outlined' : 'filled'}
        aria-label={`SLA ${metric.toLowerCase()}: ${view.text}`}
        data-sla-state={view.state}
        sx={{ fontVariantNumeric: 'tabular-nums' }}
      />
    </Tooltip>
  );
};

/** A ticket's SLA at a glance (its most pressing metric), counting down live. */
export const SlaBadge = ({ sla }: { sla: TicketSlaRecord | null | undefined }) => {
  const now = useSlaClock();
  const view = ticketSlaBadge(sla, now);
  if (!view)
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  return <BadgeChip view={view} />;
};

/** One metric's badge (the ticket page's SLA panel). */
export const SlaMetricBadge = ({ metric, value }: { metric: SlaMetric; value: SlaMetricRecord }) => {
  const now = useSlaClock();
  return <BadgeChip view={metricBadge(metric, value, now)} />;
};
