import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fetchTicketsBreakdown, type AnalyticsFilters } from '../analytics-api';
import { ChartCard } from './ChartCard';
import type { DataColumn } from './chartCsv';
import { crmQuery } from './queries';

interface BreakdownRow {
  dimension: 'Status' | 'Priority';
  key: string;
  label: string;
  tickets: number;
}

const columns: DataColumn<BreakdownRow>[] = [
  { key: 'dimension', label: 'By', value: (r) => r.dimension },
  { key: 'value', label: 'Value', value: (r) => r.key, format: (r) => r.label },
  { key: 'tickets', label: 'Tickets', value: (r) => r.tickets, numeric: true },
];

/** `in_progress` → "In progress". */
const humanize = (key: string) => (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');

const DIMENSION_COLORS = { Status: '#1d4ed8', Priority: '#b45309' };

/** Tickets created in the period, by their current status and by priority. */
export const TicketBreakdownChart = ({ filters }: { filters: AnalyticsFilters }) => {
  const query = useQuery({ ...crmQuery('tickets-breakdown', filters), queryFn: () => fetchTicketsBreakdown(filters) });
  const breakdown = query.data?.current;
  const rows: BreakdownRow[] | undefined = breakdown && [
    ...breakdown.byStatus.map((e) => ({ dimension: 'Status' as const, key: e.key, label: humanize(e.key), tickets: e.tickets })),
    ...breakdown.byPriority.map((e) => ({ dimension: 'Priority' as const, key: e.key, label: humanize(e.key), tickets: e.tickets })),
  ];
  const bars = (dimension: BreakdownRow['dimension']) => (
    <ResponsiveContainer width="50%" height="100%">
      <BarChart data={rows?.filter((r) => r.dimension === dimension)} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={90} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="tickets" name={`Tickets by ${dimension.toLowerCase()}`} fill={DIMENSION_COLORS[dimension]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
  return (
    <ChartCard
      id="breakdown"
      title="Tickets by status and priority"
      subtitle="Tickets created in the period, by their status now"
      state={query}
      rows={rows}
      columns={columns}
      isEmpty={!!rows && rows.every((r) => r.tickets === 0)}
      emptyText="No tickets were created in this period."
      csvName="tickets-by-status-and-priority"
      chart={() => (
        <div style={{ display: 'flex', height: '100%' }}>
          {bars('Status')}
          {bars('Priority')}
        </div>
      )}
    />
  );
};
