import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  CALL_STATUSES,
  type CallDirection,
  type CallOutcome,
  type CallSource,
  type CallStatus,
  type MissedReason,
} from '@callpro/contracts';
import CallMadeIcon from '@mui/icons-material/CallMade';
import CallMissedIcon from '@mui/icons-material/CallMissed';
import CallMissedOutgoingIcon from '@mui/icons-material/CallMissedOutgoing';
import CallReceivedIcon from '@mui/icons-material/CallReceived';
import { Chip, Tooltip } from '@mui/material';
import { isUnanswered } from './callFormat';
import type { CallLogRecord } from './types';

export const DIRECTION_LABELS: Record<CallDirection, string> = { inbound: 'Inbound', outbound: 'Outbound' };

export const CALL_STATUS_LABELS: Record<CallStatus, string> = { ringing: 'Ringing', in_progress: 'In progress', completed: 'Completed' };

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: 'Answered',
  missed: 'Missed',
  voicemail: 'Voicemail',
  busy: 'Busy',
  failed: 'Failed',
  rejected: 'Rejected',
  abandoned: 'Abandoned',
};

export const MISSED_REASON_LABELS: Record<MissedReason, string> = {
  no_answer: 'No answer',
  out_of_hours: 'Out of hours',
  abandoned_in_queue: 'Abandoned in queue',
  agent_declined: 'Declined by the agent',
};

export const SOURCE_LABELS: Record<CallSource, string> = { android: 'Android dialer', api: 'API', import: 'Import' };

const OUTCOME_COLORS: Record<CallOutcome, 'success' | 'error' | 'warning' | 'default'> = {
  answered: 'success',
  missed: 'error',
  voicemail: 'warning',
  busy: 'warning',
  failed: 'error',
  rejected: 'error',
  abandoned: 'error',
};

export const directionChoices = CALL_DIRECTIONS.map((id) => ({ id, name: DIRECTION_LABELS[id] }));
export const outcomeChoices = CALL_OUTCOMES.map((id) => ({ id, name: OUTCOME_LABELS[id] }));
export const callStatusChoices = CALL_STATUSES.map((id) => ({ id, name: CALL_STATUS_LABELS[id] }));

/** The outcome of a finished call; a call still going on shows its status instead. */
export const OutcomeChip = ({ call }: { call: Pick<CallLogRecord, 'outcome' | 'status'> }) =>
  call.outcome ? (
    <Chip size="small" label={OUTCOME_LABELS[call.outcome] ?? call.outcome} color={OUTCOME_COLORS[call.outcome] ?? 'default'} data-outcome={call.outcome} />
  ) : (
    <Chip size="small" variant="outlined" color="info" label={CALL_STATUS_LABELS[call.status] ?? call.status} data-status={call.status} />
  );

/** An arrow in (inbound) or out (outbound); red with a "missed" arrow when nobody talked. */
export const DirectionIcon = ({ call }: { call: Pick<CallLogRecord, 'direction' | 'outcome'> }) => {
  const unanswered = isUnanswered(call);
  const inbound = call.direction === 'inbound';
  const Icon = inbound ? (unanswered ? CallMissedIcon : CallReceivedIcon) : unanswered ? CallMissedOutgoingIcon : CallMadeIcon;
  const label = `${DIRECTION_LABELS[call.direction]}${unanswered ? ', not answered' : ''}`;
  return (
    <Tooltip title={label}>
      <Icon fontSize="small" color={unanswered ? 'error' : inbound ? 'primary' : 'secondary'} aria-label={label} data-direction={call.direction} />
    </Tooltip>
  );
};
