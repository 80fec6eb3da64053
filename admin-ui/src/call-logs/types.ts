import type { CallDirection, CallOutcome, CallSource, CallStatus, MissedReason } from '@callpro/contracts';

/** How the call's lead was found: `ambiguous` means several leads have the number, so none was linked. */
export type LeadMatch = 'matched' | 'ambiguous' | 'none';

/** A row of the call-logs resource (GET /call-logs). Times are ISO-8601 strings. */
export interface CallLogRecord {
  id: string;
  tenantId: string;
  externalId: string | null;
  direction: CallDirection;
  status: CallStatus;
  outcome: CallOutcome | null;
  missedReason: MissedReason | null;
  /** E.164. */
  fromNumber: string;
  /** E.164. */
  toNumber: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  talkSeconds: number;
  ringSeconds: number;
  wrapUpSeconds: number | null;
  agentId: string | null;
  leadId: string | null;
  leadMatch: LeadMatch;
  ticketId: string | null;
  disposition: string | null;
  notes: string | null;
  recordingUrl: string | null;
  recordingConsent: boolean | null;
  source: CallSource;
  deviceId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the call's agent, supervisors and admins may change after the call (PUT /call-logs/:id). */
export interface CallWrapUp {
  disposition: string | null;
  notes: string | null;
  wrapUpSeconds: number | null;
}
