export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CALL_STATUSES = ['ringing', 'in_progress', 'completed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_OUTCOMES = ['answered', 'missed', 'voicemail', 'busy', 'failed', 'rejected', 'abandoned'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const MISSED_REASONS = ['no_answer', 'out_of_hours', 'abandoned_in_queue', 'agent_declined'] as const;
export type MissedReason = (typeof MISSED_REASONS)[number];

export const CALL_SOURCES = ['android', 'api', 'import'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

/** Outcomes of an inbound call that ask for a call back. */
export const MISSED_OUTCOMES: readonly CallOutcome[] = ['missed', 'abandoned', 'voicemail'];
