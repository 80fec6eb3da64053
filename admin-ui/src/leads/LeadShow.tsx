import AddIcon from '@mui/icons-material/Add';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  CreateButton,
  DataTable,
  DeleteButton,
  EditButton,
  EmailField,
  ListButton,
  Loading,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { ShowLoadError } from '../tickets/LoadError';
import { PagesIfNeeded } from '../tickets/PagesIfNeeded';
import { RelativeTime } from '../tickets/RelativeTime';
import { StatusChip, ticketNumber } from '../tickets/ticketLabels';
import type { TicketRecord } from '../tickets/types';
import { LeadStatusChip } from './leadLabels';
import { LeadTitle } from './LeadTitle';
import type { LeadRecord } from './types';

const LeadShowActions = () => (
  <TopToolbar>
    <ListButton label="All leads" />
    {/* both ask canAccess with the record: an agent edits only their own leads and deletes none */}
    <EditButton />
    <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this lead?" />
  </TopToolbar>
);

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography component="div" variant="body2">
      {children}
    </Typography>
  </Box>
);

/** "New ticket" prefilled with this lead and its contact details. */
const NewTicketButton = () => {
  const lead = useRecordContext<LeadRecord>();
  if (!lead) return null;
  const record = { leadId: lead.id, requesterName: lead.name, requesterPhone: lead.phone, requesterEmail: lead.email };
  return <CreateButton resource="tickets" label="New ticket" icon={<AddIcon />} state={{ record }} />;
};

const LeadTickets = () => (
  <ReferenceManyField<LeadRecord, TicketRecord>
    reference="tickets"
    target="leadId"
    sort={{ field: 'updatedAt', order: 'DESC' }}
    perPage={10}
    pagination={<PagesIfNeeded />}
    empty={<Typography color="text.secondary">No tickets for this lead.</Typography>}
  >
    <DataTable<TicketRecord> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" label="#" render={ticketNumber} />
      <DataTable.Col source="subject" />
      <DataTable.Col source="status" render={(t) => <StatusChip status={t.status} />} />
      <DataTable.Col source="updatedAt" label="Updated" render={(t) => <RelativeTime value={t.updatedAt} />} />
    </DataTable>
  </ReferenceManyField>
);

const LeadPage = () => {
  const lead = useRecordContext<LeadRecord>();
  if (!lead) return <Loading />;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
            <Typography variant="h5" component="h1">
              {lead.name}
            </Typography>
            <LeadStatusChip status={lead.status} />
          </Stack>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' } }}>
            <Field label="Company">
              <TextField source="company" emptyText="—" />
            </Field>
            <Field label="Phone">
              {lead.phone ? <a href={`tel:${lead.phone}`}>{lead.phone}</a> : '—'}
            </Field>
            <Field label="Email">
              <EmailField source="email" emptyText="—" />
            </Field>
            <Field label="Source">
              <TextField source="source" emptyText="—" />
            </Field>
            <Field label="Owner">
              <ReferenceField source="ownerId" reference="users" link={false} emptyText="Nobody" />
            </Field>
            <Field label="Last contacted">
              <RelativeTime value={lead.lastContactedAt} emptyText="never" />
            </Field>
            <Field label="Created">
              <RelativeTime value={lead.createdAt} />
            </Field>
            <Field label="Updated">
              <RelativeTime value={lead.updatedAt} />
            </Field>
          </Box>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" component="h2">
              Tickets
            </Typography>
            <NewTicketButton />
          </Stack>
          <LeadTickets />
        </CardContent>
      </Card>
    </Stack>
  );
};

export const LeadShow = () => (
  <Show title={<LeadTitle />} actions={<LeadShowActions />} component="div" error={<ShowLoadError title="This lead could not be loaded." />}>
    <LeadPage />
  </Show>
);
