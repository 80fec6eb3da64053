import { Alert, Box, Stack, Typography } from '@mui/material';
import { canViewAnalytics } from '@callpro/permissions';
import { useMemo } from 'react';
import { Loading, Title } from 'react-admin';
import type { AnalyticsFilters } from '../analytics-api';
import { useSession } from '../providers/useSession';
import { AgentLeaderboard } from './AgentLeaderboard';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { effectiveInterval, resolvePeriod, type AnalyticsPageState } from './analyticsPeriod';
import { CallHeatmap } from './CallHeatmap';
import { CallVolumeChart } from './CallVolumeChart';
import { KpiRow } from './KpiRow';
import { SlaComplianceChart } from './SlaComplianceChart';
import { TicketBreakdownChart } from './TicketBreakdownChart';
import { TicketFlowChart } from './TicketFlowChart';
import { useAnalyticsPageState } from './useAnalyticsPageState';

const TITLE = 'CRM Analytics';

/** The period's local days, from the page state and today's date in the tenant's zone. */
function usePeriod(state: AnalyticsPageState, timeZone: string) {
  // "today" is read when the filters change, so the period (and the queries' keys) stay put meanwhile
  return useMemo(() => resolvePeriod(state, new Date(), timeZone), [state, timeZone]);
}

const Charts = ({ filters, interval }: { filters: AnalyticsFilters; interval: ReturnType<typeof effectiveInterval> }) => (
  <Stack spacing={2} sx={{ mt: 2 }}>
    <KpiRow filters={filters} />
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
      <CallVolumeChart filters={filters} interval={interval} />
      <TicketFlowChart filters={filters} interval={interval} />
      <Box sx={{ gridColumn: '1 / -1' }}>
        <CallHeatmap filters={filters} />
      </Box>
      <TicketBreakdownChart filters={filters} />
      <SlaComplianceChart filters={filters} />
    </Box>
    <AgentLeaderboard filters={filters} />
  </Stack>
);

const AnalyticsBody = ({ timeZone }: { timeZone: string }) => {
  const [state, setState] = useAnalyticsPageState();
  const period = usePeriod(state, timeZone);
  const valid = 'error' in period ? null : period;
  const interval = effectiveInterval(state.interval, valid?.days ?? 1);
  const filters = useMemo<AnalyticsFilters | null>(() => valid && { from: valid.from, to: valid.to, agentId: state.agentId }, [valid, state.agentId]);
  return (
    <>
      <AnalyticsFilterBar state={state} onChange={setState} period={valid} interval={interval} timeZone={timeZone} />
      {'error' in period ? (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {period.error}
        </Alert>
      ) : (
        filters && <Charts filters={filters} interval={interval} />
      )}
    </>
  );
};

/**
 * Team analytics for who may see them (`canViewAnalytics`: org admins, supervisors); an agent
 * gets a plain explanation instead (their own figures are on the Dashboard and Call logs).
 */
export const CrmAnalyticsPage = () => {
  const { identity, ability, isPending } = useSession();
  if (isPending || !ability) return <Loading />;
  let content;
  if (!canViewAnalytics(ability)) {
    content = (
      <Alert severity="info" data-testid="analytics-not-available">
        <strong>CRM Analytics is not available for your role.</strong> It compares the whole team; your own figures are on the Dashboard and in Call logs.
      </Alert>
    );
  } else if (!identity?.tenant) {
    content = <Alert severity="info">Choose a tenant in the top bar to see its analytics.</Alert>;
  } else {
    content = <AnalyticsBody timeZone={identity.tenant.timezone} />;
  }
  return (
    <Box sx={{ py: 2 }}>
      <Title title={TITLE} />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {TITLE}
      </Typography>
      {content}
    </Box>
  );
};
