import { useQuery } from '@tanstack/react-query';
import { fetchCallsHeatmap, type AnalyticsFilters, type CallHeatmapCell } from '../analytics-api';
import { ChartCard } from './ChartCard';
import type { DataColumn } from './chartCsv';
import { percent } from './figures';
import { heatColor, heatmapGrid, heatShade, heatTextColor, hourLabel, HOURS, WEEKDAYS } from './heatmap';
import { crmQuery } from './queries';

const CELL = { width: 30, height: 26, left: 40, top: 20 };

const columns: DataColumn<CallHeatmapCell>[] = [
  { key: 'weekday', label: 'Weekday', value: (c) => WEEKDAYS[c.weekday - 1] },
  { key: 'hour', label: 'Hour', value: (c) => hourLabel(c.hour) },
  { key: 'inbound', label: 'Inbound calls', value: (c) => c.inbound, numeric: true },
  { key: 'answered', label: 'Answered', value: (c) => c.answered, numeric: true },
  { key: 'answerRate', label: 'Answer rate', value: (c) => c.answerRate, format: (c) => percent(c.answerRate), numeric: true },
];

/** Weekday × hour grid, each cell shaded by its share of the busiest hour. */
const HeatmapSvg = ({ cells }: { cells: readonly CallHeatmapCell[] }) => {
  const { rows, max } = heatmapGrid(cells);
  const width = CELL.left + CELL.width * 24;
  const height = CELL.top + CELL.height * 7;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" height="100%" preserveAspectRatio="xMidYMid meet">
      {HOURS.filter((h) => h % 3 === 0).map((h) => (
        <text key={h} x={CELL.left + h * CELL.width + CELL.width / 2} y={12} fontSize={10} textAnchor="middle" fill="#6b7280">
          {String(h).padStart(2, '0')}
        </text>
      ))}
      {rows.map((row, w) => (
        <g key={w}>
          <text x={CELL.left - 6} y={CELL.top + w * CELL.height + CELL.height / 2 + 4} fontSize={11} textAnchor="end" fill="#374151">
            {WEEKDAYS[w]}
          </text>
          {row.map((cell) => {
            const shade = heatShade(cell.inbound, max);
            const x = CELL.left + cell.hour * CELL.width;
            const y = CELL.top + w * CELL.height;
            return (
              <g key={cell.hour}>
                <rect x={x + 1} y={y + 1} width={CELL.width - 2} height={CELL.height - 2} rx={3} fill={heatColor(shade)} stroke="#e5e7eb" data-inbound={cell.inbound}>
                  <title>{`${WEEKDAYS[w]} ${hourLabel(cell.hour)}: ${cell.inbound} inbound, answer rate ${percent(cell.answerRate)}`}</title>
                </rect>
                {cell.inbound > 0 && (
                  <text x={x + CELL.width / 2} y={y + CELL.height / 2 + 4} fontSize={10} textAnchor="middle" fill={heatTextColor(shade)} pointerEvents="none">
                    {cell.inbound}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
};

/** When inbound calls arrive, in the tenant's local week. */
export const CallHeatmap = ({ filters }: { filters: AnalyticsFilters }) => {
  const query = useQuery({ ...crmQuery('calls-heatmap', filters), queryFn: () => fetchCallsHeatmap(filters) });
  const cells = query.data?.current;
  // the table lists the hours that had calls; the chart shows all 168
  const busy = cells?.filter((c) => c.inbound > 0);
  return (
    <ChartCard
      id="heatmap"
      title="Inbound calls by weekday and hour"
      subtitle={query.data ? `Local time (${query.data.timezone}); hours without calls are left out of the table` : undefined}
      state={query}
      rows={busy}
      columns={columns}
      isEmpty={!!busy && busy.length === 0}
      emptyText="No inbound calls in this period."
      csvName="inbound-calls-by-weekday-and-hour"
      height={300}
      chart={() => <HeatmapSvg cells={cells ?? []} />}
    />
  );
};
