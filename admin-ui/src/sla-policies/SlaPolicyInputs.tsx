import { Typography } from '@mui/material';
import {
  BooleanInput,
  CheckboxGroupInput,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TextArrayInput,
  TextInput,
  type Validator,
} from 'react-admin';
import { channelChoices, priorityChoices, STATUS_LABELS } from '../tickets/ticketLabels';
import { DurationInput } from './DurationInput';
import { parsePercentages, validateSomeTarget, validateTarget, validateWarnAtPercent, type PolicyFormValues } from './policyForm';
import { PAUSABLE_STATUSES } from './types';

const pauseChoices = PAUSABLE_STATUSES.map((id) => ({ id, name: STATUS_LABELS[id] }));

const target: Validator = (value) => validateTarget(value as number | null);
const someTarget: Validator = (_value, values) => validateSomeTarget(values as PolicyFormValues);
const warnings: Validator = (value) => validateWarnAtPercent(parsePercentages(value as (string | number)[]));

const Section = ({ title, hint }: { title: string; hint: string }) => (
  <>
    <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
      {title}
    </Typography>
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      {hint}
    </Typography>
  </>
);

/** The fields of an SLA policy; the API's field errors show on them (same names). */
export const SlaPolicyInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} helperText="Unique, e.g. “Urgent tickets”" />
    <BooleanInput source="active" helperText="An inactive policy applies to no ticket" />

    <Section title="Applies to" hint="Tickets matching every condition below; leave a condition empty for any. The first active policy in the list that matches applies." />
    <CheckboxGroupInput source="priorities" choices={priorityChoices} helperText="None ticked: any priority" />
    <CheckboxGroupInput source="channels" choices={channelChoices} helperText="None ticked: any channel" />
    <TextArrayInput source="tags" helperText="Any one of these tags (press Enter after each); empty: any tags. Missed-call follow-ups carry “callback”." />

    <Section title="Targets" hint="In business time of the calendar below; leave both boxes empty for no target." />
    <DurationInput source="firstResponseMinutes" label="First response" validate={[target, someTarget]} helperText="From creation to the first public agent note or linked outbound call" />
    <DurationInput source="nextResponseMinutes" label="Next response" validate={target} helperText="From a reopen to the next public agent note" />
    <DurationInput source="resolutionMinutes" label="Resolution" validate={target} helperText="From creation (or the latest reopen) to resolved" />
    <TextArrayInput
      source="warnAtPercent"
      label="Warn at (% of the target)"
      format={(value: (string | number)[] | null) => (value ?? []).map(String)}
      parse={(value: string[]) => value}
      validate={warnings}
      helperText="The assignee is warned when this share of a target has passed: whole percentages 1–99, ascending (press Enter after each)"
    />

    <Section title="Clock" hint="When the clocks run." />
    <CheckboxGroupInput source="pauseStatuses" choices={pauseChoices} helperText="The clocks stop while a ticket is in these statuses; due times move out by the paused business time" />
    <ReferenceInput source="calendarId" reference="business-calendars" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <SelectInput optionText="name" label="Business calendar" emptyText="24/7 (no business calendar)" helperText="The opening hours and holidays the targets count in" />
    </ReferenceInput>
  </>
);
