import type { CallOutcome, CallStatus, MissedReason } from '@callpro/contracts';

/** How far in the future a start may lie (device clocks drift). */
export const CLOCK_SKEW_MS = 5 * 60_000;
const MAX_CALL_MS = 24 * 3_600_000;
/** Outcomes of a call nobody picked up (voicemail may or may not have been "answered" by the box). */
const NEVER_ANSWERED: readonly CallOutcome[] = ['missed', 'busy', 'failed', 'rejected', 'abandoned'];

export interface CallTimes {
  status: CallStatus;
  outcome: CallOutcome | null;
  missedReason: MissedReason | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  /** As sent by the client, to be checked against the derived value. */
  talkSeconds?: number;
  ringSeconds?: number;
}

export interface Durations {
  talkSeconds: number;
  ringSeconds: number;
}

const seconds = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 1000);

/** talk = endedAt − answeredAt (0 if never answered or not ended yet); ring = (answeredAt ?? endedAt) − startedAt (0 while ringing). */
export function deriveDurations(c: Pick<CallTimes, 'startedAt' | 'answeredAt' | 'endedAt'>): Durations {
  const talkSeconds = c.answeredAt && c.endedAt ? seconds(c.answeredAt, c.endedAt) : 0;
  const ringEnd = c.answeredAt ?? c.endedAt;
  return { talkSeconds, ringSeconds: ringEnd ? seconds(c.startedAt, ringEnd) : 0 };
}

/**
 * Why a call's times, status and outcome do not fit together, by field (empty when they do).
 * The durations a client sends must agree with the derived ones to the second.
 */
export function timingErrors(c: CallTimes, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  const set = (field: string, message: string) => (errors[field] ??= message);
  if (c.startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) set('startedAt', 'startedAt must not be in the future');
  if (c.answeredAt && c.answeredAt < c.startedAt) set('answeredAt', 'answeredAt must not be before startedAt');
  if (c.endedAt && c.endedAt < c.startedAt) set('endedAt', 'endedAt must not be before startedAt');
  if (c.endedAt && c.answeredAt && c.endedAt < c.answeredAt) set('endedAt', 'endedAt must not be before answeredAt');
  if (c.endedAt && c.endedAt.getTime() - c.startedAt.getTime() > MAX_CALL_MS) set('endedAt', 'a call lasts at most 24 hours');
  if (c.status === 'completed') {
    if (!c.endedAt) set('endedAt', 'a completed call needs endedAt');
    if (!c.outcome) set('outcome', 'a completed call needs an outcome');
  } else {
    if (c.endedAt) set('endedAt', `a ${c.status} call has not ended: send endedAt with status completed`);
    if (c.outcome) set('outcome', `a ${c.status} call has no outcome yet: send it with status completed`);
  }
  if (c.outcome === 'answered' && !c.answeredAt) set('answeredAt', 'an answered call needs answeredAt');
  if (c.outcome && NEVER_ANSWERED.includes(c.outcome) && c.answeredAt) set('answeredAt', `a ${c.outcome} call was never answered`);
  if (c.missedReason && c.outcome === 'answered') set('missedReason', 'an answered call has no missedReason');
  if (Object.keys(errors).length) return errors;
  const derived = deriveDurations(c);
  if (c.talkSeconds !== undefined && Math.abs(c.talkSeconds - derived.talkSeconds) > 1) {
    set('talkSeconds', `talkSeconds must equal endedAt − answeredAt (${derived.talkSeconds})`);
  }
  if (c.ringSeconds !== undefined && Math.abs(c.ringSeconds - derived.ringSeconds) > 1) {
    set('ringSeconds', `ringSeconds must equal (answeredAt ?? endedAt) − startedAt (${derived.ringSeconds})`);
  }
  return errors;
}
