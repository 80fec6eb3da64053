import { Alert, Box, Button, Skeleton, Stack, Tooltip, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useListContext } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip as ChartTooltip, XAxis, YAxis } from 'recharts';
import { hasStatus } from '../providers/httpClient';
import { useSession } from '../providers/useSession';
import { analyticsKey, analyticsScope, chartRows, fetchCallFigures, fetchCallsPerDay, percent, periodLabel, type CallBucket, type CallFigures } from './callAnalytics';
import { formatDuration } from './callFormat';

const CHART_HEIGHT = 200;
const ANSWERED_COLOR = '#16a34a';
const MISSED_COLOR = '#dc2626';
const OUTBOUND_COLOR = '#0f766e';

/** A 404 or 403 will not go away by asking again. */
const retry = (failures: number, error: unknown) => !hasStatus(error, 404) && !hasStatus(error, 403) && failures < 2;

const Figure = ({ name, label, hint, value, color }: { name: string; label: string; hint: string; value: string; color?: string }) => (
  <Box data-testid="call-figure" data-figure={name} sx={{ minWidth: 110 }}>
    <Tooltip title={hint}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
    </Tooltip>
    <Typography variant="h5" component="div" sx={{ fontWeight: 600, color }}>
      {value}
    </Typography>
  </Box>
);

const Figures = ({ figures }: { figures: CallFigures }) => (
  <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
    <Figure name="total" label="Calls" hint={`${figures.inbound} inbound, ${figures.outbound} outbound`} value={String(figures.total)} />
    <Figure name="answered" label="Answered" hint="Inbound calls answered" value={String(figures.answered)} color={ANSWERED_COLOR} />
    <Figure
      name="missed"
      label="Missed"
      hint="Inbound calls that ended unanswered (missed, voicemail, busy, rejected, failed)"
      value={String(figures.missed)}
      color={figures.missed > 0 ? MISSED_COLOR : undefined}
    />
    <Figure name="abandoned" label="Abandoned" hint="Inbound calls the caller hung up on before anyone answered" value={String(figures.abandoned)} />
    <Figure name="answerRate" label="Answer rate" hint="Answered ÷ inbound calls" value={percent(figures.answerRate)} />
    <Figure name="avgTalk" label="Average talk time" hint="Mean talk time of answered calls, both directions" value={formatDuration(figures.avgTalkSeconds) || '—'} />
  </Stack>
);

const CallsPerDayChart = ({ buckets }: { buckets: CallBucket[] }) => (
  <Box sx={{ height: CHART_HEIGHT, mt: 2 }} role="img" aria-label="Calls per day: inbound answered, inbound not answered, outbound">
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={chartRows(buckets)} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <ChartTooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="answered" name="Inbound answered" stackId="calls" fill={ANSWERED_COLOR} isAnimationActive={false} />
        <Bar dataKey="missed" name="Inbound not answered" stackId="calls" fill={MISSED_COLOR} isAnimationActive={false} />
        <Bar dataKey="outbound" name="Outbound" stackId="calls" fill={OUTBOUND_COLOR} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  </Box>
);

const PanelSkeleton = () => (
  <Box aria-busy="true" aria-label="Loading call figures">
    <Stack direction="row" spacing={4}>
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <Box key={i}>
          <Skeleton width={70} />
          <Skeleton width={90} height={36} />
        </Box>
      ))}
    </Stack>
    <Skeleton variant="rounded" height={CHART_HEIGHT} sx={{ mt: 2 }} />
  </Box>
);

/**
 * Figures for the list's current filter (period and agent): totals, answer rate, average talk time
 * and calls per day. Shown to everyone: the API answers an agent with their own figures. Live with
 * the list, as the queries sit under the `call-logs` key.
 */
export const CallAnalyticsPanel = () => {
  const { filterValues } = useListContext();
  const { identity } = useSession();
  const scope = analyticsScope(filterValues ?? {}, identity?.id ? String(identity.id) : null);
  const summary = useQuery({ queryKey: analyticsKey('summary', scope), queryFn: () => fetchCallFigures(scope), retry, placeholderData: keepPreviousData });
  const series = useQuery({ queryKey: analyticsKey('timeseries', scope), queryFn: () => fetchCallsPerDay(scope), retry, placeholderData: keepPreviousData });

  const error = summary.error ?? series.error;
  let body;
  if (hasStatus(summary.error, 404) || hasStatus(series.error, 404)) {
    body = (
      <Alert severity="info" data-testid="analytics-unavailable">
        <strong>Analytics unavailable.</strong> This server does not report call figures yet; the calls below are complete.
      </Alert>
    );
  } else if (error) {
    body = (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => Promise.all([summary.refetch(), series.refetch()])}>
            Retry
          </Button>
        }
      >
        <strong>The call figures could not be loaded.</strong> {error instanceof Error ? error.message : null}
      </Alert>
    );
  } else if (!summary.data || !series.data) {
    body = <PanelSkeleton />;
  } else if (summary.data.total === 0) {
    body = (
      <Typography color="text.secondary" data-testid="analytics-empty" sx={{ py: 2 }}>
        No calls in this period{scope.agentId ? ' for this agent' : ''}.
      </Typography>
    );
  } else {
    body = (
      <>
        <Figures figures={summary.data} />
        <CallsPerDayChart buckets={series.data} />
      </>
    );
  }

  return (
    <Box component="section" aria-label="Call figures" sx={{ p: 2, borderBottom: 1, borderColor: 'divider', opacity: summary.isPlaceholderData ? 0.6 : 1 }}>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {periodLabel(scope)}
      </Typography>
      {body}
    </Box>
  );
};
