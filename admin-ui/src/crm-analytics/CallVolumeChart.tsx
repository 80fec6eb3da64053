import { useQuery } from '@tanstack/react-query';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downloadAnalyticsExport, fetchCallsTimeseries, type AnalyticsFilters, type AnalyticsInterval, type CallSeriesBucket } from '../analytics-api';
import { ChartCard } from './ChartCard';
import type { DataColumn } from './chartCsv';
import { bucketLabel, percent } from './figures';
import { crmQuery } from './queries';

export const CALL_COLORS = { answered: '#16a34a', unanswered: '#dc2626', outbound: '#0f766e', rate: '#1d4ed8' };

const columns = (interval: AnalyticsInterval): DataColumn<CallSeriesBucket>[] => [
  { key: 'period', label: 'Period', value: (b) => b.label, format: (b) => bucketLabel(b.label, interval) },
  { key: 'total', label: 'Calls', value: (b) => b.total, numeric: true },
  { key: 'inbound', label: 'Inbound', value: (b) => b.inbound, numeric: true },
  { key: 'answered', label: 'Answered', value: (b) => b.answered, numeric: true },
  { key: 'missed', label: 'Missed', value: (b) => b.missed, numeric: true },
  { key: 'abandoned', label: 'Abandoned', value: (b) => b.abandoned, numeric: true },
  { key: 'outbound', label: 'Outbound', value: (b) => b.outbound, numeric: true },
  { key: 'answerRate', label: 'Answer rate', value: (b) => b.answerRate, format: (b) => percent(b.answerRate), numeric: true },
];

/** Calls per bucket (inbound answered / not answered, outbound) with the answer rate as a line. */
export const CallVolumeChart = ({ filters, interval }: { filters: AnalyticsFilters; interval: AnalyticsInterval }) => {
  const query = useQuery({ ...crmQuery('calls-timeseries', filters, interval), queryFn: () => fetchCallsTimeseries(filters, interval) });
  const buckets = query.data?.current;
  const data = buckets?.map((b) => ({
    label: bucketLabel(b.label, interval),
    answered: b.answered,
    unanswered: b.missed + b.abandoned,
    outbound: b.outbound,
    answerRate: b.answerRate === null ? null : Math.round(b.answerRate * 1000) / 10,
  }));
  return (
    <ChartCard
      id="calls"
      title="Call volume and answer rate"
      subtitle={`Calls per ${interval}; answer rate = answered ÷ inbound`}
      state={query}
      rows={buckets}
      columns={columns(interval)}
      isEmpty={!!buckets && buckets.every((b) => b.total === 0)}
      emptyText="No calls in this period."
      csvName={`call-volume-per-${interval}`}
      serverExport={{ label: 'Calls (CSV)', download: () => downloadAnalyticsExport(filters, 'calls') }}
      chart={() => (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis yAxisId="calls" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="calls" dataKey="answered" name="Inbound answered" stackId="calls" fill={CALL_COLORS.answered} isAnimationActive={false} />
            <Bar yAxisId="calls" dataKey="unanswered" name="Inbound not answered" stackId="calls" fill={CALL_COLORS.unanswered} isAnimationActive={false} />
            <Bar yAxisId="calls" dataKey="outbound" name="Outbound" stackId="calls" fill={CALL_COLORS.outbound} isAnimationActive={false} />
            <Line yAxisId="rate" dataKey="answerRate" name="Answer rate (%)" stroke={CALL_COLORS.rate} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    />
  );
};
