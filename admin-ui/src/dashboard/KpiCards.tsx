import { Box, Card, CardActionArea, CardContent, Skeleton, Tooltip, Typography } from '@mui/material';
import { LinkBase } from 'react-admin';
import type { Comparison } from './comparison';
import type { Kpi, KpiName } from './kpis';
import { PanelError } from './PanelError';
import { useKpis } from './useDashboardFigures';

const OPEN_STATUSES = ['new', 'open', 'pending'];

const listLink = (resource: string, filter: Record<string, unknown>, sort?: [string, 'ASC' | 'DESC']) => {
  const params = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    params.set('sort', sort[0]);
    params.set('order', sort[1]);
  }
  return `/${resource}?${params.toString()}`;
};

/** Where each card leads: the list behind the figure. */
function linkFor(name: KpiName, mine: boolean): string {
  const owner = mine ? { assigneeId: 'me' } : {};
  switch (name) {
    case 'callsToday':
    case 'answerRate':
      return listLink('call-logs', mine ? { agentId: 'me' } : {}, ['startedAt', 'DESC']);
    case 'openTickets':
      return listLink('tickets', { ...owner, status: OPEN_STATUSES }, ['updatedAt', 'DESC']);
    case 'breachingSoon':
    case 'slaCompliance':
      return listLink('tickets', { ...owner, status: OPEN_STATUSES }, ['slaNextDueAt', 'ASC']);
  }
}

const TONE_COLOR: Record<Comparison['tone'], string> = { better: 'success.main', worse: 'error.main', neutral: 'text.secondary' };

const ComparisonLine = ({ kpi }: { kpi: Kpi }) => (
  <Typography variant="body2" color="text.secondary" data-testid="kpi-comparison">
    {kpi.comparison ? (
      <Box
        component="span"
        sx={{ color: TONE_COLOR[kpi.comparison.tone], fontWeight: 600, mr: 0.5 }}
        data-direction={kpi.comparison.direction}
        data-tone={kpi.comparison.tone}
        aria-label={kpi.comparison.description}
      >
        {kpi.comparison.text}
      </Box>
    ) : null}
    {kpi.comparedWith}
  </Typography>
);

const KpiCard = ({ kpi, mine }: { kpi: Kpi; mine: boolean }) => (
  <Card variant="outlined" sx={{ borderColor: kpi.alert ? 'warning.main' : undefined }} data-testid="kpi" data-kpi={kpi.name}>
    <CardActionArea component={LinkBase} to={linkFor(kpi.name, mine)} sx={{ height: '100%' }}>
      <CardContent>
        <Tooltip title={kpi.hint}>
          <Typography variant="subtitle2" color="text.secondary" component="h2" data-testid="kpi-label">
            {kpi.label}
          </Typography>
        </Tooltip>
        <Typography variant="h4" component="p" sx={{ fontWeight: 600, my: 0.5, color: kpi.alert ? 'warning.dark' : undefined }} data-testid="kpi-value">
          {kpi.value}
        </Typography>
        <ComparisonLine kpi={kpi} />
      </CardContent>
    </CardActionArea>
  </Card>
);

const GRID = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)', lg: 'repeat(5, 1fr)' } } as const;

const KpiSkeletons = () => (
  <Box sx={GRID} aria-busy="true" aria-label="Loading key figures">
    {[0, 1, 2, 3, 4].map((i) => (
      <Card key={i} variant="outlined">
        <CardContent>
          <Skeleton width="60%" />
          <Skeleton width="40%" height={48} />
          <Skeleton width="80%" />
        </CardContent>
      </Card>
    ))}
  </Box>
);

/** The five key figures of today, each against its previous period, live with events. */
export const KpiCards = ({ tenantId, timeZone, mine }: { tenantId: string; timeZone: string; mine: boolean }) => {
  const { data, error, refetch, isFetching } = useKpis(tenantId, timeZone, mine);
  let body;
  if (error && !data) body = <PanelError title="The key figures could not be loaded." error={error} onRetry={refetch} />;
  else if (!data) body = <KpiSkeletons />;
  else
    body = (
      <Box sx={GRID}>
        {data.map((kpi) => (
          <KpiCard key={kpi.name} kpi={kpi} mine={mine} />
        ))}
      </Box>
    );
  return (
    <Box component="section" aria-label="Key figures" aria-busy={isFetching}>
      {body}
    </Box>
  );
};
