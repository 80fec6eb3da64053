import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Box, Card, CardContent, Skeleton, Stack, Tooltip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { fetchSummary, overallCompliance, type AnalyticsFilters, type SummaryFigures } from '../analytics-api';
import { FiguresError } from './AnalyticsStates';
import { comparison, duration, minutes, percent } from './figures';
import { crmQuery } from './queries';

interface Kpi {
  name: string;
  label: string;
  hint: string;
  value: (f: SummaryFigures) => number | null;
  format: (value: number | null) => string;
  /** Which way is good news (neutral: neither, e.g. volumes). */
  better: 'up' | 'down' | 'neutral';
}

const count = (value: number | null) => (value === null ? '—' : value.toLocaleString());

const KPIS: Kpi[] = [
  { name: 'calls', label: 'Calls', hint: 'All calls that started in the period, both directions', value: (f) => f.calls.total, format: count, better: 'neutral' },
  { name: 'answerRate', label: 'Answer rate', hint: 'Answered ÷ inbound calls', value: (f) => f.calls.answerRate, format: percent, better: 'up' },
  { name: 'avgHandle', label: 'Average handle time', hint: 'Talk + wrap-up of answered calls', value: (f) => f.calls.avgHandleSeconds, format: duration, better: 'down' },
  { name: 'ticketsCreated', label: 'Tickets created', hint: 'Tickets created in the period', value: (f) => f.tickets.created, format: count, better: 'neutral' },
  { name: 'ticketsResolved', label: 'Tickets resolved', hint: 'Tickets resolved in the period', value: (f) => f.tickets.resolved, format: count, better: 'up' },
  { name: 'firstResponse', label: 'Median first response', hint: 'Of tickets first answered in the period', value: (f) => f.tickets.medianFirstResponseMinutes, format: minutes, better: 'down' },
  { name: 'slaCompliance', label: 'SLA compliance', hint: 'Targets met ÷ targets that fell due, all metrics', value: (f) => overallCompliance(f.sla), format: percent, better: 'up' },
];

const GOOD = '#15803d';
const BAD = '#b91c1c';

const KpiCard = ({ kpi, current, previous }: { kpi: Kpi; current: SummaryFigures; previous: SummaryFigures }) => {
  const now = kpi.value(current);
  const before = kpi.value(previous);
  const { trend } = comparison(now, before);
  const good = kpi.better === 'neutral' || trend === 'flat' || trend === 'none' ? undefined : (trend === 'up') === (kpi.better === 'up');
  const color = good === undefined ? 'text.secondary' : good ? GOOD : BAD;
  const Arrow = trend === 'up' ? ArrowUpwardIcon : trend === 'down' ? ArrowDownwardIcon : null;
  return (
    <Card data-testid="kpi" data-kpi={kpi.name} sx={{ flex: '1 1 150px' }}>
      <CardContent sx={{ pb: '12px !important' }}>
        <Tooltip title={kpi.hint}>
          <Typography variant="caption" color="text.secondary" component="div">
            {kpi.label}
          </Typography>
        </Tooltip>
        <Typography variant="h5" component="div" sx={{ fontWeight: 600 }} data-testid="kpi-value">
          {kpi.format(now)}
        </Typography>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color }}>
          {Arrow && <Arrow sx={{ fontSize: 14 }} aria-hidden />}
          <Typography variant="caption">
            {trend === 'none' ? 'no previous figure' : trend === 'flat' ? `same as before (${kpi.format(before)})` : `${trend === 'up' ? 'up' : 'down'} from ${kpi.format(before)}`}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The period's key figures, each against the previous period of the same length. */
export const KpiRow = ({ filters }: { filters: AnalyticsFilters }) => {
  const query = useQuery({ ...crmQuery('summary', filters), queryFn: () => fetchSummary(filters) });
  if (query.error) return <FiguresError what="Key figures" error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data)
    return (
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} aria-busy="true" aria-label="Loading key figures">
        {KPIS.map((k) => (
          <Box key={k.name} sx={{ flex: '1 1 150px' }}>
            <Skeleton variant="rounded" height={96} />
          </Box>
        ))}
      </Stack>
    );
  const { current, previousFigures, openTickets, previous, timezone } = query.data;
  const day = (instant: number) => new Date(instant).toLocaleDateString(undefined, { timeZone: timezone, dateStyle: 'medium' });
  return (
    <Box component="section" aria-label="Key figures, compared with the previous period">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {KPIS.map((kpi) => (
          <KpiCard key={kpi.name} kpi={kpi} current={current} previous={previousFigures} />
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
        Compared with {day(Date.parse(previous.from))} – {day(Date.parse(previous.to) - 1)}. {openTickets} ticket
        {openTickets === 1 ? ' is' : 's are'} open right now.
      </Typography>
    </Box>
  );
};
