import { Autocomplete, Card, CardContent, Divider, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { TicketPriority } from '@callpro/contracts';
import type { ReactNode } from 'react';
import { ReferenceField } from 'react-admin';
import { RelativeTime } from './RelativeTime';
import { TicketAssignment } from './TicketAssignment';
import type { TicketActions } from './ticketAccess';
import { CHANNEL_LABELS, PRIORITY_LABELS, priorityChoices } from './ticketLabels';
import type { TicketChanges } from './useTicketUpdate';
import type { TicketRecord } from './types';

interface Props {
  ticket: TicketRecord;
  actions: TicketActions;
  save: (changes: TicketChanges, done?: string) => void;
  isPending: boolean;
}

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Stack spacing={0.5}>
    <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
      {title}
    </Typography>
    {children}
  </Stack>
);

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography component="div" variant="body2" sx={{ textAlign: 'right', overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </Stack>
);

const normaliseTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];

/** The ticket's side panel: assignment, priority and tags (editable for who may), requester, lead, times. */
export const TicketProperties = ({ ticket, actions, save, isPending }: Props) => {
  const locked = !actions.canEdit || isPending;
  return (
    <Card>
      <CardContent>
        <Stack spacing={2} divider={<Divider flexItem />}>
          <Section title="Assignee">
            <TicketAssignment ticket={ticket} actions={actions} save={save} isPending={isPending} />
          </Section>
          <Section title="Priority and tags">
            <Stack spacing={1.5} sx={{ pt: 1 }}>
              <TextField
                select
                size="small"
                label="Priority"
                value={ticket.priority}
                disabled={locked}
                onChange={(e) => save({ priority: e.target.value as TicketPriority }, `Priority changed to ${PRIORITY_LABELS[e.target.value as TicketPriority].toLowerCase()}`)}
              >
                {priorityChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.name}
                  </MenuItem>
                ))}
              </TextField>
              <Autocomplete
                multiple
                freeSolo
                size="small"
                options={[] as string[]}
                value={ticket.tags}
                disabled={locked}
                onChange={(_e, tags) => save({ tags: normaliseTags(tags) }, 'Tags saved')}
                renderInput={(params) => <TextField {...params} label="Tags" placeholder={locked ? undefined : 'Type a tag, press Enter'} />}
              />
            </Stack>
          </Section>
          <Section title="Requester">
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {ticket.requesterName ?? 'No name'}
            </Typography>
            {ticket.requesterPhone && (
              <Link href={`tel:${ticket.requesterPhone}`} variant="body2">
                {ticket.requesterPhone}
              </Link>
            )}
            {ticket.requesterEmail && (
              <Link href={`mailto:${ticket.requesterEmail}`} variant="body2">
                {ticket.requesterEmail}
              </Link>
            )}
          </Section>
          <Section title="Details">
            <Row label="Channel">{CHANNEL_LABELS[ticket.channel] ?? ticket.channel}</Row>
            <Row label="Lead">
              <ReferenceField source="leadId" reference="leads" link="show" emptyText="—" />
            </Row>
            <Row label="Created">
              <RelativeTime value={ticket.createdAt} />
            </Row>
            <Row label="Updated">
              <RelativeTime value={ticket.updatedAt} />
            </Row>
            <Row label="First response">
              <RelativeTime value={ticket.firstRespondedAt} emptyText="not yet" />
            </Row>
            {ticket.resolvedAt && (
              <Row label="Resolved">
                <RelativeTime value={ticket.resolvedAt} />
              </Row>
            )}
            {ticket.closedAt && (
              <Row label="Closed">
                <RelativeTime value={ticket.closedAt} />
              </Row>
            )}
          </Section>
        </Stack>
      </CardContent>
    </Card>
  );
};
