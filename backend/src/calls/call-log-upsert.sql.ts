import type { CallDirection, CallOutcome, CallSource, CallStatus, MissedReason } from '@callpro/contracts';
import type { LeadMatch } from './call-log.entity';
import { BULK_MAX_ITEMS } from './dto/bulk-call-logs.dto';

/** One call ready to be written: validated, normalised, references checked, lead matched. */
export interface CallLogRow {
  id: string;
  externalId: string | null;
  direction: CallDirection;
  status: CallStatus;
  outcome: CallOutcome | null;
  missedReason: MissedReason | null;
  fromNumber: string;
  toNumber: string;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
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
}

/** The inserted columns and their types (rows travel as one JSON array); tenant_id comes from the principal. */
const COLUMNS = {
  id: 'uuid', external_id: 'text', direction: 'call_direction', status: 'call_status', outcome: 'call_outcome',
  missed_reason: 'call_missed_reason', from_number: 'text', to_number: 'text', started_at: 'timestamptz',
  answered_at: 'timestamptz', ended_at: 'timestamptz', talk_seconds: 'int', ring_seconds: 'int', wrap_up_seconds: 'int',
  agent_id: 'uuid', lead_id: 'uuid', lead_match: 'call_lead_match', ticket_id: 'uuid', disposition: 'text', notes: 'text',
  recording_url: 'text', recording_consent: 'boolean', source: 'call_source', device_id: 'text',
} as const;
const NAMES = Object.keys(COLUMNS).join(', ');
const RECORD = Object.entries(COLUMNS).map(([name, type]) => `${name} ${type}`).join(', ');

/** Rows per statement: a bulk request's 1,000 items in one (the JSON array has no parameter limit). */
export const ROWS_PER_STATEMENT = BULK_MAX_ITEMS;

function record(r: CallLogRow): Record<keyof typeof COLUMNS, unknown> {
  return {
    id: r.id, external_id: r.externalId, direction: r.direction, status: r.status, outcome: r.outcome, missed_reason: r.missedReason,
    from_number: r.fromNumber, to_number: r.toNumber, started_at: r.startedAt, answered_at: r.answeredAt, ended_at: r.endedAt,
    talk_seconds: r.talkSeconds, ring_seconds: r.ringSeconds, wrap_up_seconds: r.wrapUpSeconds, agent_id: r.agentId, lead_id: r.leadId,
    lead_match: r.leadMatch, ticket_id: r.ticketId, disposition: r.disposition, notes: r.notes, recording_url: r.recordingUrl,
    recording_consent: r.recordingConsent, source: r.source, device_id: r.deviceId,
  };
}

/**
 * What the upsert returns for each row it inserted or moved forward: every column (a single POST
 * answers with it instead of reading the row again), or only the ones the after-effects read,
 * typed here (a bulk POST answers with ids: 1,000 rows of every column were parsed for nothing).
 */
export interface UpsertedRow {
  [column: string]: unknown;
  id: string;
  external_id: string | null;
  inserted: boolean;
  agent_id: string | null;
  direction: CallDirection;
  status: CallStatus;
  outcome: CallOutcome | null;
  from_number: string;
  to_number: string;
  lead_id: string | null;
  ticket_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  talk_seconds: number;
}

const EFFECT_COLUMNS = ['id', 'external_id', 'agent_id', 'direction', 'status', 'outcome', 'from_number', 'to_number', 'lead_id', 'ticket_id', 'started_at', 'ended_at', 'talk_seconds'];
export type Returning = 'every column' | 'after-effects';
const RETURNING: Record<Returning, string> = { 'every column': 'call_logs.*', 'after-effects': EFFECT_COLUMNS.map((c) => `call_logs.${c}`).join(', ') };

/** Which stored calls a re-send may move forward: any, one agent's (an agent's ability), or none. */
export type UpdateGuard = { kind: 'any' } | { kind: 'agent'; agentId: string } | { kind: 'none' };

/**
 * One multi-row INSERT … ON CONFLICT for `rows` (at most ROWS_PER_STATEMENT, no externalId twice),
 * the rows bound as one JSON array (jsonb_to_recordset, in the given order): 25 bound values per
 * row made the driver quote 25,000 values and PostgreSQL parse as many literals per 1,000 calls.
 * A known externalId is updated only when the new status is further along (the `call_status` enum
 * is declared in lifecycle order): a stale or repeated message changes nothing and returns no row.
 * The call's facts come from the newest message; notes, disposition and the like are kept when it
 * leaves them out. `guard` says whose stored calls may be moved (an agent: only their own).
 */
export function upsertCallLogsSql(
  tenantId: string,
  rows: readonly CallLogRow[],
  guard: UpdateGuard,
  returning: Returning = 'every column',
): { sql: string; params: unknown[] } {
  if (rows.length === 0 || rows.length > ROWS_PER_STATEMENT) throw new Error(`upsert takes 1..${ROWS_PER_STATEMENT} rows`);
  const params: unknown[] = [tenantId, JSON.stringify(rows.map(record))];
  if (guard.kind === 'agent') params.push(guard.agentId);
  const guardSql = guard.kind === 'agent' ? ' and call_logs.agent_id = ?' : guard.kind === 'none' ? ' and false' : '';
  const sql = `
insert into call_logs (tenant_id, ${NAMES}, created_at, updated_at)
select ?, ${NAMES}, now(), now()
  from rows from (jsonb_to_recordset(?::jsonb) as (${RECORD})) with ordinality as v(${NAMES}, n)
 order by v.n
on conflict (tenant_id, external_id) do update set
  direction = excluded.direction, status = excluded.status, outcome = excluded.outcome, missed_reason = excluded.missed_reason,
  from_number = excluded.from_number, to_number = excluded.to_number,
  started_at = excluded.started_at, answered_at = excluded.answered_at, ended_at = excluded.ended_at,
  talk_seconds = excluded.talk_seconds, ring_seconds = excluded.ring_seconds,
  lead_id = excluded.lead_id, lead_match = excluded.lead_match, source = excluded.source,
  agent_id = coalesce(excluded.agent_id, call_logs.agent_id),
  ticket_id = coalesce(excluded.ticket_id, call_logs.ticket_id),
  wrap_up_seconds = coalesce(excluded.wrap_up_seconds, call_logs.wrap_up_seconds),
  disposition = coalesce(excluded.disposition, call_logs.disposition),
  notes = coalesce(excluded.notes, call_logs.notes),
  recording_url = coalesce(excluded.recording_url, call_logs.recording_url),
  recording_consent = coalesce(excluded.recording_consent, call_logs.recording_consent),
  device_id = coalesce(excluded.device_id, call_logs.device_id),
  updated_at = now()
where excluded.status > call_logs.status${guardSql}
returning ${RETURNING[returning]}, (xmax = 0) as inserted`;
  return { sql, params };
}

/**
 * Splits rows into rounds in which no externalId repeats (the n-th occurrence of an id goes to
 * round n), each sorted by externalId so that concurrent batches lock rows in the same order.
 * ON CONFLICT cannot touch one row twice in a statement; rounds keep the items' order for one id.
 */
export function upsertRounds<T extends { externalId: string | null }>(rows: readonly T[]): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const n = row.externalId === null ? 0 : (seen.get(row.externalId) ?? 0);
    if (row.externalId !== null) seen.set(row.externalId, n + 1);
    (rounds[n] ??= []).push(row);
  }
  const key = (r: T) => r.externalId ?? '\uffff';
  return rounds.map((round) => [...round].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)));
}

/** `rows` in chunks of at most `size`. */
export function chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
