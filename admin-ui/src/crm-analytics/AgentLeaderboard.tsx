import DownloadIcon from '@mui/icons-material/Download';
import { Button, Card, CardContent, Skeleton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { downloadAnalyticsExport, fetchAgentsLeaderboard, type AgentFigures, type AgentSortField, type AnalyticsFilters } from '../analytics-api';
import { EmptyFigures, FiguresError } from './AnalyticsStates';
import { duration, minutes, percent, sortAgents } from './figures';
import { crmQuery } from './queries';

interface Column {
  field: AgentSortField;
  label: string;
  format: (a: AgentFigures) => string;
  /** The first click sorts this way: best first. */
  firstOrder: 'ASC' | 'DESC';
}

const COLUMNS: Column[] = [
  { field: 'name', label: 'Agent', format: (a) => a.name, firstOrder: 'ASC' },
  { field: 'callsHandled', label: 'Calls handled', format: (a) => String(a.callsHandled), firstOrder: 'DESC' },
  { field: 'answerRate', label: 'Answer rate', format: (a) => percent(a.answerRate), firstOrder: 'DESC' },
  { field: 'avgHandleSeconds', label: 'Avg handle time', format: (a) => duration(a.avgHandleSeconds), firstOrder: 'ASC' },
  { field: 'ticketsResolved', label: 'Tickets resolved', format: (a) => String(a.ticketsResolved), firstOrder: 'DESC' },
  { field: 'medianFirstResponseMinutes', label: 'Median first response', format: (a) => minutes(a.medianFirstResponseMinutes), firstOrder: 'ASC' },
  { field: 'slaCompliance', label: 'SLA compliance', format: (a) => percent(a.slaCompliance), firstOrder: 'DESC' },
];

/** Per agent: the figures people compare; sortable by any column (missing figures stay last). The agent filter does not apply: it compares everyone. */
export const AgentLeaderboard = ({ filters }: { filters: AnalyticsFilters }) => {
  const teamFilters = { ...filters, agentId: null };
  const query = useQuery({ ...crmQuery('agents', teamFilters), queryFn: () => fetchAgentsLeaderboard(teamFilters) });
  const [sort, setSort] = useState<{ field: AgentSortField; order: 'ASC' | 'DESC' }>({ field: 'callsHandled', order: 'DESC' });
  const [exporting, setExporting] = useState(false);
  const notify = useNotify();
  const rows = query.data && sortAgents(query.data.current, sort.field, sort.order);

  const sortBy = (column: Column) =>
    setSort((s) => (s.field === column.field ? { field: s.field, order: s.order === 'ASC' ? 'DESC' : 'ASC' } : { field: column.field, order: column.firstOrder }));
  const download = async () => {
    setExporting(true);
    try {
      await downloadAnalyticsExport(teamFilters, 'agents');
    } catch (error) {
      notify(`The download failed: ${error instanceof Error ? error.message : 'no answer from the server'}. Try again.`, { type: 'error' });
    } finally {
      setExporting(false);
    }
  };

  let body;
  if (query.error) body = <FiguresError what="The agent leaderboard" error={query.error} onRetry={() => query.refetch()} />;
  else if (!rows) body = <Skeleton variant="rounded" height={200} aria-label="Loading the agent leaderboard" />;
  else if (rows.length === 0) body = <EmptyFigures text="No agents with figures in this period." />;
  else
    body = (
      <TableContainer>
        <Table size="small" data-testid="agent-leaderboard">
          <caption>Agent leaderboard, sorted by {COLUMNS.find((c) => c.field === sort.field)!.label.toLowerCase()} ({sort.order === 'ASC' ? 'ascending' : 'descending'})</caption>
          <TableHead>
            <TableRow>
              {COLUMNS.map((c, i) => (
                <TableCell key={c.field} align={i === 0 ? 'left' : 'right'} sortDirection={sort.field === c.field ? (sort.order === 'ASC' ? 'asc' : 'desc') : false}>
                  <TableSortLabel active={sort.field === c.field} direction={sort.field === c.field ? (sort.order === 'ASC' ? 'asc' : 'desc') : c.firstOrder === 'ASC' ? 'asc' : 'desc'} onClick={() => sortBy(c)}>
                    {c.label}
                  </TableSortLabel>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((agent) => (
              <TableRow key={agent.agentId} data-agent-id={agent.agentId}>
                {COLUMNS.map((c, i) =>
                  i === 0 ? (
                    <TableCell key={c.field} component="th" scope="row">
                      {c.format(agent)}
                    </TableCell>
                  ) : (
                    <TableCell key={c.field} align="right">
                      {c.format(agent)}
                    </TableCell>
                  ),
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    );

  return (
    <Card component="section" aria-labelledby="agent-leaderboard-title" data-testid="chart-agents">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="agent-leaderboard-title" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            Agent leaderboard
          </Typography>
          <Button size="small" startIcon={<DownloadIcon />} disabled={!rows || rows.length === 0 || exporting} onClick={download}>
            Leaderboard (CSV)
          </Button>
        </Stack>
        {body}
      </CardContent>
    </Card>
  );
};
