import { Alert, Button } from '@mui/material';
import { hasStatus } from '../providers/httpClient';

/** Why a dashboard panel could not be loaded, and a retry when asking again may help. */
export const PanelError = ({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => unknown }) => {
  const refused = hasStatus(error, 403) || hasStatus(error, 404);
  const detail = refused ? 'Your role may not see these figures.' : error instanceof Error ? error.message : 'The server did not answer.';
  return (
    <Alert
      severity={refused ? 'info' : 'error'}
      action={
        refused ? undefined : (
          <Button color="inherit" size="small" onClick={() => void onRetry()}>
            Retry
          </Button>
        )
      }
    >
      <strong>{title}</strong> {detail}
    </Alert>
  );
};
