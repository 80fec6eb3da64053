import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Card, CardContent, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { downloadCSV, useNotify } from 'react-admin';
import { ChartSkeleton, EmptyFigures, FiguresError } from './AnalyticsStates';
import { chartCsv, type DataColumn } from './chartCsv';
import { DataTable } from './DataTable';

export const CHART_HEIGHT = 280;

/** What a figures query is doing, as react-query reports it. */
export interface FiguresState {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** A server report (row-level CSV from GET /analytics/export) offered next to a chart. */
export interface ServerExport {
  label: string;
  download: () => Promise<void>;
}

interface ChartCardProps<R> {
  /** Names the card for tests and anchors: `chart-<id>`. */
  id: string;
  title: string;
  subtitle?: string;
  state: FiguresState;
  /** The chart's figures, one row per table row; undefined while loading. */
  rows: readonly R[] | undefined;
  columns: readonly DataColumn<R>[];
  /** Nothing to draw (e.g. no calls in the period): says so instead of an empty chart. */
  isEmpty: boolean;
  emptyText: string;
  /** File name (without `.csv`) for the table's CSV. */
  csvName: string;
  serverExport?: ServerExport;
  chart: () => ReactNode;
  height?: number;
}

/**
 * One chart with what every chart has: a table view of the same figures (for screen readers and
 * for reading exact numbers), a CSV of that table, and its loading, empty and error states.
 */
export function ChartCard<R>({ id, title, subtitle, state, rows, columns, isEmpty, emptyText, csvName, serverExport, chart, height = CHART_HEIGHT }: ChartCardProps<R>) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [exporting, setExporting] = useState(false);
  const notify = useNotify();
  const titleId = `chart-${id}-title`;

  const exportRows = async () => {
    if (!serverExport) return;
    setExporting(true);
    try {
      await serverExport.download();
    } catch (error) {
      notify(`The download failed: ${error instanceof Error ? error.message : 'no answer from the server'}. Try again.`, { type: 'error' });
    } finally {
      setExporting(false);
    }
  };

  let body: ReactNode;
  if (state.error) body = <FiguresError what={title} error={state.error} onRetry={() => state.refetch()} />;
  else if (state.isPending || !rows) body = <ChartSkeleton height={height} label={title} />;
  else if (isEmpty) body = <EmptyFigures text={emptyText} />;
  else if (view === 'table') body = <DataTable caption={title + (subtitle ? ` (${subtitle})` : '')} columns={columns} rows={rows} testId={`chart-${id}-table`} />;
  else
    body = (
      <Box sx={{ height }} role="img" aria-label={`${title} chart; the table view lists the same figures`} data-testid={`chart-${id}-svg`}>
        {chart()}
      </Box>
    );

  const ready = !state.error && !state.isPending && rows !== undefined;
  return (
    <Card component="section" aria-labelledby={titleId} data-testid={`chart-${id}`} sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Box sx={{ flexGrow: 1, minWidth: 180 }}>
            <Typography id={titleId} variant="h6" component="h2">
              {title}
            </Typography>
            {subtitle && (
              <Typography variant="caption" color="text.secondary">
                {subtitle}
              </Typography>
            )}
          </Box>
          <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, next) => next && setView(next)} aria-label={`Show ${title} as`}>
            <ToggleButton value="chart">Chart</ToggleButton>
            <ToggleButton value="table">Table</ToggleButton>
          </ToggleButtonGroup>
          <Button
            size="small"
            startIcon={<DownloadIcon />}
            disabled={!ready || isEmpty}
            onClick={() => rows && downloadCSV(chartCsv(columns, rows), csvName)}
            aria-label={`Download ${title} table as CSV`}
          >
            CSV
          </Button>
          {serverExport && (
            <Button size="small" startIcon={<DownloadIcon />} disabled={exporting} onClick={exportRows}>
              {serverExport.label}
            </Button>
          )}
        </Stack>
        {body}
      </CardContent>
    </Card>
  );
}
