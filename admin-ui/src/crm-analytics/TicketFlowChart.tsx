import { useQuery } from '@tanstack/react-query';
import { Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downloadAnalyticsExport, fetchTicketsTimeseries, type AnalyticsFilters, type AnalyticsInterval, type TicketSeriesBucket } from '../analytics-api';
import { ChartCard } from './ChartCard';
import type { DataColumn } from './chartCsv';
import { bucketLabel } from './figures';
import { crmQuery } from './queries';

const columns = (interval: AnalyticsInterval): DataColumn<TicketSeriesBucket>[] => [
  { key: 'period', label: 'Period', value: (b) => b.label, format: (b) => bucketLabel(b.label, interval) },
  { key: 'created', label: 'Created', value: (b) => b.created, numeric: true },
  { key: 'resolved', label: 'Resolved', value: (b) => b.resolved, numeric: true },
  { key: 'backlogChange', label: 'Backlog change', value: (b) => b.backlogChange, format: (b) => (b.backlogChange > 0 ? `+${b.backlogChange}` : String(b.backlogChange)), numeric: true },
];

/** Tickets created vs resolved per bucket: is the team keeping up? */
export const TicketFlowChart = ({ filters, interval }: { filters: AnalyticsFilters; interval: AnalyticsInterval }) => {
  const query = useQuery({ ...crmQuery('tickets-timeseries', filters, interval), queryFn: () => fetchTicketsTimeseries(filters, interval) });
  const buckets = query.data?.current;
  return (
    <ChartCard
      id="tickets"
      title="Tickets created vs resolved"
      subtitle={`Per ${interval}`}
      state={query}
      rows={buckets}
      columns={columns(interval)}
      isEmpty={!!buckets && buckets.every((b) => b.created === 0 && b.resolved === 0)}
      emptyText="No tickets were created or resolved in this period."
      csvName={`tickets-per-${interval}`}
      serverExport={{ label: 'Tickets (CSV)', download: () => downloadAnalyticsExport(filters, 'tickets') }}
      chart={() => (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={buckets?.map((b) => ({ ...b, label: bucketLabel(b.label, interval) }))} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="created" name="Created" fill="#1d4ed8" isAnimationActive={false} />
            <Bar dataKey="resolved" name="Resolved" fill="#16a34a" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    />
  );
};
