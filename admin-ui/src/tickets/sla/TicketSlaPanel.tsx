import { Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceField, TextField } from 'react-admin';
import { canAccessResource } from '../../providers/canAccess';
import { useSession } from '../../providers/useSession';
import type { TicketRecord } from '../types';
import { SlaEventLog } from './SlaEventLog';
import { SlaMetricBadge } from './SlaBadge';
import { formatBusinessMinutes, SLA_METRIC_FIELDS, SLA_METRIC_LABELS } from './slaState';
import type { SlaMetricRecord } from './slaTypes';

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography component="div" variant="body2" sx={{ textAlign: 'right' }}>
      {children}
    </Typography>
  </Stack>
);

const MetricSection = ({ label, metric, value, pausedSince }: { label: string; metric: (typeof SLA_METRIC_FIELDS)[number]['metric']; value: SlaMetricRecord; pausedSince: string | null }) => (
  <Stack spacing={0.5} component="section" aria-label={`${label} SLA`}>
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
      <Typography variant="subtitle2" component="h3">
        {label}
      </Typography>
      {value.targetMinutes !== null && <SlaMetricBadge metric={metric} value={value} />}
    </Stack>
    <Row label="Target">{value.targetMinutes !== null ? formatBusinessMinutes(value.targetMinutes) : 'None'}</Row>
    {value.targetMinutes !== null && <Row label="Due">{formatTime(value.dueAt)}</Row>}
    {value.metAt && <Row label={value.status === 'breached' ? 'Answered late' : 'Met'}>{formatTime(value.metAt)}</Row>}
    {value.status === 'paused' && <Row label="Paused since">{formatTime(pausedSince)}</Row>}
    {value.pausedMinutes > 0 && <Row label="Time paused">{formatBusinessMinutes(value.pausedMinutes)}</Row>}
  </Stack>
);

/** The ticket's SLA: its policy, each metric's target, due and met times, pause, and the SLA log. */
export const TicketSlaPanel = ({ ticket }: { ticket: TicketRecord }) => {
  const { ability, tenantId } = useSession();
  const canSeeLog = !!ability && canAccessResource({ ability, tenantId }, { action: 'list', resource: 'sla-events' });
  const canSeePolicy = !!ability && canAccessResource({ ability, tenantId }, { action: 'show', resource: 'sla-policies' });
  const metrics = ticket.sla ? SLA_METRIC_FIELDS.flatMap(({ metric, field }) => (ticket.sla?.[field] ? [{ metric, value: ticket.sla[field] }] : [])) : [];
  return (
    <Card component="section" aria-labelledby="ticket-sla-heading">
      <CardContent>
        <Typography id="ticket-sla-heading" variant="overline" component="h2" color="text.secondary" sx={{ lineHeight: 1.5 }}>
          SLA
        </Typography>
        {!ticket.slaPolicyId || metrics.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No SLA policy applies to this ticket.
          </Typography>
        ) : (
          <Stack spacing={1.5} divider={<Divider flexItem />}>
            {canSeePolicy && (
              <Row label="Policy">
                <ReferenceField record={ticket} source="slaPolicyId" reference="sla-policies" link={false} emptyText="Deleted policy">
                  <TextField source="name" variant="body2" />
                </ReferenceField>
              </Row>
            )}
            {metrics.map(({ metric, value }) => (
              <MetricSection key={metric} label={SLA_METRIC_LABELS[metric]} metric={metric} value={value} pausedSince={ticket.slaPausedSince} />
            ))}
          </Stack>
        )}
        {canSeeLog && (
          <>
            <Typography variant="overline" component="h3" color="text.secondary" sx={{ display: 'block', mt: 2, lineHeight: 1.5 }}>
              SLA log
            </Typography>
            <SlaEventLog ticketId={ticket.id} />
          </>
        )}
      </CardContent>
    </Card>
  );
};
