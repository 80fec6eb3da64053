import { Alert, Button } from '@mui/material';
import { useListContext, useRecordContext, useRefresh, useShowContext } from 'react-admin';
import { errorMessage } from './saveErrors';

const LoadErrorAlert = ({ title, error }: { title: string; error: unknown }) => {
  const refresh = useRefresh();
  const status = (error as { status?: number } | null)?.status;
  const detail = status === 404 ? 'It does not exist, or it was deleted.' : status === 403 ? 'You are not allowed to see it.' : errorMessage(error);
  return (
    <Alert
      severity="error"
      sx={{ mt: 2 }}
      action={
        status === 404 || status === 403 ? undefined : (
          <Button color="inherit" size="small" onClick={refresh}>
            Retry
          </Button>
        )
      }
    >
      <strong>{title}</strong> {detail}
    </Alert>
  );
};

/** A list's `error` element: why it could not be loaded, and a retry. */
export const ListLoadError = ({ title }: { title: string }) => {
  const { error } = useListContext();
  return <LoadErrorAlert title={title} error={error} />;
};

/** A show page's `error` element. */
export const ShowLoadError = ({ title }: { title: string }) => {
  const { error } = useShowContext();
  const record = useRecordContext();
  if (!error && record) return null;
  return <LoadErrorAlert title={title} error={error} />;
};
