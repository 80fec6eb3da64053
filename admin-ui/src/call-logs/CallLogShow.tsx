import { Box, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DeleteButton, FunctionField, ListButton, Loading, ReferenceField, Show, TopToolbar, useRecordContext } from 'react-admin';
import { ShowLoadError } from '../tickets/LoadError';
import type { TicketRecord } from '../tickets/types';
import { formatDuration, formatPhone, safeRecordingUrl } from './callFormat';
import { CALL_STATUS_LABELS, DIRECTION_LABELS, DirectionIcon, MISSED_REASON_LABELS, OutcomeChip, SOURCE_LABELS } from './callLabels';
import { CallWrapUp } from './CallWrapUp';
import type { CallLogRecord } from './types';

/** "Inbound call from +1 415 555 0123" / "Outbound call to …". */
export const callTitle = (call: Pick<CallLogRecord, 'direction' | 'fromNumber' | 'toNumber'>) =>
  call.direction === 'inbound' ? `Inbound call from ${formatPhone(call.fromNumber)}` : `Outbound call to ${formatPhone(call.toNumber)}`;

const CallTitle = () => {
  const call = useRecordContext<CallLogRecord>();
  return <span>{call ? callTitle(call) : 'Call'}</span>;
};

const CallShowActions = () => (
  <TopToolbar>
    <ListButton label="All calls" />
    {/* asks canAccess with the record: shown only to who may delete calls */}
    <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this call?" confirmContent="The call is removed from the log and from the figures." />
  </TopToolbar>
);

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography component="div" variant="body2">
      {children}
    </Typography>
  </Box>
);

const time = (value: string | null) => (value ? new Date(value).toLocaleString() : '—');

const GRID = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' } } as const;

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card>
    <CardContent>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const LeadLink = ({ call }: { call: CallLogRecord }) => {
  if (call.leadId) return <ReferenceField source="leadId" reference="leads" link="show" />;
  return call.leadMatch === 'ambiguous' ? <>Several leads have this number, so none was linked</> : <>—</>;
};

const CallPage = () => {
  const call = useRecordContext<CallLogRecord>();
  if (!call) return <Loading />;
  const recording = safeRecordingUrl(call.recordingUrl);
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
            <DirectionIcon call={call} />
            <Typography variant="h5" component="h1">
              {callTitle(call)}
            </Typography>
            <OutcomeChip call={call} />
          </Stack>
          <Box sx={GRID}>
            <Field label="From">{formatPhone(call.fromNumber)}</Field>
            <Field label="To">{formatPhone(call.toNumber)}</Field>
            <Field label="Direction">{DIRECTION_LABELS[call.direction]}</Field>
            <Field label="Status">{CALL_STATUS_LABELS[call.status]}</Field>
            <Field label="Agent">
              <ReferenceField source="agentId" reference="users" link={false} emptyText="—" />
            </Field>
            <Field label="Lead">
              <LeadLink call={call} />
            </Field>
            <Field label="Ticket">
              <ReferenceField source="ticketId" reference="tickets" link="show" emptyText="—">
                <FunctionField<TicketRecord> render={(ticket) => `#${ticket.number} ${ticket.subject}`} />
              </ReferenceField>
            </Field>
            <Field label="Missed reason">{call.missedReason ? MISSED_REASON_LABELS[call.missedReason] : '—'}</Field>
          </Box>
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' }, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Section title="Timing">
            <Box sx={GRID}>
              <Field label="Started">{time(call.startedAt)}</Field>
              <Field label="Answered">{time(call.answeredAt)}</Field>
              <Field label="Ended">{time(call.endedAt)}</Field>
              <Field label="Ring time">{formatDuration(call.ringSeconds)}</Field>
              <Field label="Talk time">{formatDuration(call.talkSeconds)}</Field>
              <Field label="Wrap-up time">{formatDuration(call.wrapUpSeconds) || '—'}</Field>
            </Box>
          </Section>
          <Section title="Source">
            <Box sx={GRID}>
              <Field label="Reported by">{SOURCE_LABELS[call.source] ?? call.source}</Field>
              <Field label="Device">{call.deviceId ?? '—'}</Field>
              <Field label="External id">{call.externalId ?? '—'}</Field>
              <Field label="Recording">
                {recording ? (
                  <Link href={recording} target="_blank" rel="noopener noreferrer">
                    Listen
                  </Link>
                ) : (
                  '—'
                )}
              </Field>
              <Field label="Recording consent">{call.recordingConsent === null ? '—' : call.recordingConsent ? 'Given' : 'Not given'}</Field>
              <Field label="Logged">{time(call.createdAt)}</Field>
              <Field label="Last changed">{time(call.updatedAt)}</Field>
            </Box>
          </Section>
        </Stack>
        <Section title="Wrap-up">
          <CallWrapUp call={call} />
        </Section>
      </Box>
    </Stack>
  );
};

export const CallLogShow = () => (
  <Show title={<CallTitle />} actions={<CallShowActions />} component="div" error={<ShowLoadError title="This call could not be loaded." />}>
    <CallPage />
  </Show>
);
