import { Box, Card, CardContent, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { weekdayName } from './dashboardPeriods';
import { totals, type HourRow } from './hourlyComparison';
import { PanelError } from './PanelError';
import { useCallsPerHour } from './useDashboardFigures';

const CHART_HEIGHT = 240;
const TODAY_COLOR = '#2563eb';
const LAST_WEEK_COLOR = '#9ca3af';

type View = 'chart' | 'table';

const HourChart = ({ rows, lastWeekLabel, title }: { rows: HourRow[]; lastWeekLabel: string; title: string }) => (
  <Box sx={{ height: CHART_HEIGHT }} role="img" aria-label={`${title}: today and ${lastWeekLabel}, per hour (the table view lists the figures)`}>
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -16 }} barGap={1}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="hour" tick={{ fontSize: 12 }} interval={2} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="lastWeek" name={lastWeekLabel} fill={LAST_WEEK_COLOR} isAnimationActive={false} />
        <Bar dataKey="today" name="Today" fill={TODAY_COLOR} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  </Box>
);

const HourTable = ({ rows, lastWeekLabel, title }: { rows: HourRow[]; lastWeekLabel: string; title: string }) => (
  <Box sx={{ maxHeight: CHART_HEIGHT, overflow: 'auto' }}>
    <Table size="small" stickyHeader aria-label={title} data-testid="calls-per-hour-table">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Hour</TableCell>
          <TableCell component="th" scope="col" align="right">Today</TableCell>
          <TableCell component="th" scope="col" align="right">{lastWeekLabel}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.hour}>
            <TableCell component="th" scope="row">{row.hour}</TableCell>
            <TableCell align="right">{row.today ?? '—'}</TableCell>
            <TableCell align="right">{row.lastWeek}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
);

/** Calls per local hour today against the same weekday last week, as a chart or a table. */
export const CallsPerHour = ({ tenantId, timeZone }: { tenantId: string; timeZone: string }) => {
  const [view, setView] = useState<View>('chart');
  const { data, error, refetch } = useCallsPerHour(tenantId, timeZone);
  const title = data?.mine ? 'My calls per hour' : 'Calls per hour';
  const weekday = weekdayName(new Date(), timeZone);
  const lastWeekLabel = `Last ${weekday}`;

  let body;
  if (error && !data) body = <PanelError title="The calls per hour could not be loaded." error={error} onRetry={refetch} />;
  else if (!data) body = <Skeleton variant="rounded" height={CHART_HEIGHT} aria-label="Loading calls per hour" />;
  else {
    const sum = totals(data.rows);
    const nothingAtAll = sum.today === 0 && data.rows.every((r) => r.lastWeek === 0);
    body = (
      <>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="calls-per-hour-caption">
          {sum.today === 0 ? 'No calls yet today' : `${sum.today} today so far`} · {sum.lastWeekSoFar} by this hour last {weekday}
        </Typography>
        {nothingAtAll ? null : view === 'chart' ? (
          <HourChart rows={data.rows} lastWeekLabel={lastWeekLabel} title={title} />
        ) : (
          <HourTable rows={data.rows} lastWeekLabel={lastWeekLabel} title={title} />
        )}
      </>
    );
  }

  return (
    <Card variant="outlined" component="section" aria-labelledby="calls-per-hour-title" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h2" id="calls-per-hour-title">
            {title}
          </Typography>
          <ToggleButtonGroup size="small" exclusive value={view} onChange={(_e, next: View | null) => next && setView(next)} aria-label="Show calls per hour as">
            <ToggleButton value="chart">Chart</ToggleButton>
            <ToggleButton value="table">Table</ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        {body}
      </CardContent>
    </Card>
  );
};
