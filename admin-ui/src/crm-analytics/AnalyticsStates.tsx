import { Alert, Box, Button, Skeleton, Typography } from '@mui/material';
import { hasStatus } from '../providers/httpClient';

/** A grey block where a chart is about to appear. */
export const ChartSkeleton = ({ height, label }: { height: number; label: string }) => (
  <Box aria-busy="true" aria-label={`Loading ${label}`} data-testid="chart-loading">
    <Skeleton variant="rounded" height={height} />
  </Box>
);

export const EmptyFigures = ({ text }: { text: string }) => (
  <Typography color="text.secondary" data-testid="chart-empty" sx={{ py: 4, textAlign: 'center' }}>
    {text}
  </Typography>
);

const detail = (error: unknown) => (error instanceof Error && error.message ? error.message : 'The server did not answer.');

/** Why figures are missing, and what to do: ask again, or (403) nothing — it is the role. */
export const FiguresError = ({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) =>
  hasStatus(error, 403) ? (
    <Alert severity="info">
      <strong>{what} are not available for your role.</strong> Ask an organisation admin or a supervisor.
    </Alert>
  ) : (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      <strong>{what} could not be loaded.</strong> {hasStatus(error, 400) ? 'The server refused the filters: ' : ''}
      {detail(error)}
    </Alert>
  );
