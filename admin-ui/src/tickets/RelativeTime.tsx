import { Tooltip, Typography, type TypographyProps } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext } from 'react-admin';
import { relativeTime } from './relativeTime';

const TICK_MS = 30_000;

/** Re-renders every 30 s, so "just now" does not stay on screen for an hour. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A time as "5 minutes ago", with the exact time on hover. */
export const RelativeTime = ({ value, emptyText = '—', ...props }: { value: string | null | undefined; emptyText?: string } & TypographyProps) => {
  const now = useNow();
  if (!value) return <Typography component="span" variant="body2" color="text.secondary" {...props}>{emptyText}</Typography>;
  return (
    <Tooltip title={new Date(value).toLocaleString()}>
      <Typography component="span" variant="body2" {...props}>
        <time dateTime={value}>{relativeTime(value, now)}</time>
      </Typography>
    </Tooltip>
  );
};

/** RelativeTime of a field of the current record, for list columns. */
export const RelativeTimeField = ({ source, emptyText }: { source: string; emptyText?: string; label?: string }) => {
  const record = useRecordContext();
  return <RelativeTime value={record?.[source] as string | null | undefined} emptyText={emptyText} />;
};
