import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import HistoryIcon from '@mui/icons-material/History';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { ReferenceField, ReferenceManyField, RecordContextProvider, useListContext, Loading } from 'react-admin';
import { PagesIfNeeded } from '../tickets/PagesIfNeeded';
import { RelativeTime } from '../tickets/RelativeTime';
import { AuditValue } from './AuditValue';
import { ACTION_LABELS, describeNoteChange, fieldLabel } from './describeChange';
import type { AuditChange, AuditEventRecord } from './types';

const Actor = ({ event }: { event: AuditEventRecord }) => {
  if (event.actorType === 'system' || !event.actorId) return <strong>System</strong>;
  if (event.actorType === 'apiKey') return <strong>Integration</strong>;
  return (
    <RecordContextProvider value={event}>
      <ReferenceField source="actorId" reference="users" link={false} emptyText="A former user" sx={{ fontWeight: 600 }} />
    </RecordContextProvider>
  );
};

/** `field: from → to`; for a creation only the initial value. */
const ChangeLine = ({ change, created }: { change: AuditChange; created: boolean }) => {
  if (change.field === 'note') {
    const { summary, body } = describeNoteChange(change);
    return (
      <Box>
        <Typography variant="body2">{summary}</Typography>
        {body && (
          <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic', overflowWrap: 'anywhere' }}>
            “{body}”
          </Typography>
        )}
      </Box>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="history-change">
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 120 }}>
        {fieldLabel(change.field)}
      </Typography>
      {!created && <AuditValue field={change.field} value={change.from} />}
      {!created && <ArrowRightAltIcon fontSize="small" color="action" aria-label="changed to" />}
      <AuditValue field={change.field} value={change.to} />
    </Stack>
  );
};

const HistoryEntries = () => {
  const { data, isPending, error } = useListContext<AuditEventRecord>();
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">The history could not be loaded.</Alert>;
  return (
    <Stack spacing={2}>
      {data.map((event) => (
        <Box key={event.id} sx={{ display: 'flex', gap: 1.5 }}>
          <HistoryIcon color="action" fontSize="small" sx={{ mt: 0.5 }} />
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="body2">
              <Actor event={event} /> {ACTION_LABELS[event.action] ?? event.action} · <RelativeTime value={event.occurredAt} color="text.secondary" />
            </Typography>
            <Stack spacing={0.5} sx={{ mt: 0.5 }}>
              {/* a creation lists every initial value; the description would swamp it (it is on the page) */}
              {(event.action === 'create' ? event.changes.filter((c) => c.field !== 'description') : event.changes).map((change) => (
                <ChangeLine key={change.field} change={change} created={event.action === 'create'} />
              ))}
            </Stack>
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

/** The ticket's history (audit events, newest first): who changed which field from what to what. */
export const TicketHistory = () => (
  <ReferenceManyField
    reference="audit-events"
    target="resourceId"
    filter={{ resource: 'tickets' }}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    perPage={50}
    pagination={<PagesIfNeeded />}
    empty={<Typography color="text.secondary">No history yet.</Typography>}
  >
    <HistoryEntries />
  </ReferenceManyField>
);
