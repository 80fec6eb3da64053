import { useQuery } from '@tanstack/react-query';
import type { SlaMetric } from '@callpro/contracts';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fetchSla, type AnalyticsFilters, type SlaCompliance, type SlaComplianceByMetric, type SlaFigures } from '../analytics-api';
import { ChartCard } from './ChartCard';
import type { DataColumn } from './chartCsv';
import { percent } from './figures';
import { crmQuery } from './queries';

export const METRIC_LABELS: Record<SlaMetric, string> = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' };
const METRIC_COLORS: Record<SlaMetric, string> = { first_response: '#1d4ed8', next_response: '#7c3aed', resolution: '#0f766e' };
const ALL_POLICIES = 'All policies';
/** Where the summary of each metric sits in `byMetric`. */
const BY_METRIC_FIELD: Record<SlaMetric, keyof SlaComplianceByMetric> = { first_response: 'firstResponse', next_response: 'nextResponse', resolution: 'resolution' };

interface ComplianceRow extends SlaCompliance {
  policy: string;
  metric: SlaMetric;
}

const columns: DataColumn<ComplianceRow>[] = [
  { key: 'policy', label: 'Policy', value: (r) => r.policy },
  { key: 'metric', label: 'Metric', value: (r) => r.metric, format: (r) => METRIC_LABELS[r.metric] },
  { key: 'met', label: 'Met', value: (r) => r.met, numeric: true },
  { key: 'breached', label: 'Breached', value: (r) => r.breached, numeric: true },
  { key: 'compliance', label: 'Compliance', value: (r) => r.compliance, format: (r) => percent(r.compliance), numeric: true },
];

/** Per policy and metric, then the totals per metric over all policies. */
function complianceRows(sla: SlaFigures): ComplianceRow[] {
  const byPolicy = sla.byPolicy.map((p) => ({ policy: p.policyName ?? 'Deleted policy', metric: p.metric, met: p.met, breached: p.breached, compliance: p.compliance }));
  const totals = (Object.keys(BY_METRIC_FIELD) as SlaMetric[])
    .map((metric) => ({ metric, figures: sla.byMetric[BY_METRIC_FIELD[metric]] }))
    .filter(({ figures }) => figures.met + figures.breached > 0)
    .map(({ metric, figures }) => ({ policy: ALL_POLICIES, metric, ...figures }));
  return [...byPolicy, ...totals];
}

/** One bar group per policy, a bar per metric: the share of SLA targets met. */
export const SlaComplianceChart = ({ filters }: { filters: AnalyticsFilters }) => {
  const query = useQuery({ ...crmQuery('sla', filters), queryFn: () => fetchSla(filters) });
  const rows = query.data && complianceRows(query.data.current);
  const policies = [...new Set(rows?.map((r) => r.policy))];
  const data = policies.map((policy) => ({
    policy,
    ...Object.fromEntries(rows!.filter((r) => r.policy === policy && r.compliance !== null).map((r) => [r.metric, Math.round(r.compliance! * 1000) / 10])),
  }));
  return (
    <ChartCard
      id="sla"
      title="SLA compliance by policy"
      subtitle="Targets that fell due in the period: met ÷ (met + breached)"
      state={query}
      rows={rows}
      columns={columns}
      isEmpty={!!rows && rows.length === 0}
      emptyText="No SLA target fell due in this period."
      csvName="sla-compliance-by-policy"
      chart={() => (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="policy" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => `${String(value)}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {(Object.keys(METRIC_LABELS) as SlaMetric[]).map((metric) => (
              <Bar key={metric} dataKey={metric} name={METRIC_LABELS[metric]} fill={METRIC_COLORS[metric]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    />
  );
};
