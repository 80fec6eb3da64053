import { Typography } from '@mui/material';
import { ReferenceField } from 'react-admin';
import { formatValue, REFERENCE_FIELDS } from './describeChange';

/** One from/to value of the history; ids of users and leads are shown by name. */
export const AuditValue = ({ field, value }: { field: string; value: unknown }) => {
  const reference = Object.hasOwn(REFERENCE_FIELDS, field) ? REFERENCE_FIELDS[field] : undefined;
  if (reference && typeof value === 'string') {
    return <ReferenceField record={{ id: value }} source="id" reference={reference} link={false} emptyText="(deleted)" />;
  }
  return (
    <Typography component="span" variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
      {formatValue(field, value)}
    </Typography>
  );
};
