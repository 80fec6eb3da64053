import type { SharedRowEvent } from './outbox-event.entity';

/** Notified (by a trigger on insert, so only at commit) when outbox rows were written. */
export const PENDING_CHANNEL = 'outbox_pending';
/** Notified by a relay, at the commit that marks rows delivered, with their comma-separated seqs. */
export const RELAYED_CHANNEL = 'outbox_relayed';

/**
 * One relay step in one statement (so one implicit transaction, one round trip), across tenants:
 * the SECURITY DEFINER function outbox_relay_batch (migration row_level_security, the app role
 * sees no tenant's rows outside a tenant's transaction) does, in one statement:
 * - `claimed`: the oldest undelivered rows that no other relay holds (FOR UPDATE SKIP LOCKED);
 * - `ready`: those that may go now. A row waits while an older undelivered row of the same resource
 *   is held by another relay, so events of one aggregate never overtake each other;
 * - `marked`: marks them delivered;
 * - `announced`: NOTIFYs their seqs, which PostgreSQL sends only when the statement commits.
 * `synchronous_commit` is off for this transaction only: a crash could forget the marking of the
 * last few milliseconds and deliver those events again (at least once), never lose one.
 * Returns the claim's size (a full claim means there may be more) and how many were delivered.
 */
export const RELAY_SQL = `select claimed, delivered from outbox_relay_batch(?, ?)`;

/** The relayed rows, whatever their tenant (outbox_events_by_seq). */
export const LOAD_SQL = `
select id, tenant_id, name, subject, resource_id, payload, user_ids, events, occurred_at
  from outbox_events_by_seq(?::bigint[])`;

/** Rows delivered since a time (bound as a timestamptz), oldest first, at most `limit`, whatever their tenant (outbox_delivered_since). */
export const DELIVERED_SINCE_SQL = `
select seq::text, id, tenant_id, name, subject, resource_id, payload, user_ids, events, occurred_at
  from outbox_delivered_since(?, ?) order by seq`;

/** Deletes up to `limit` rows delivered longer than `seconds` ago (outbox_prune); returns how many. */
export const PRUNE_SQL = `select outbox_prune(?, ?) as pruned`;

export interface OutboxRow {
  id: string;
  tenant_id: string;
  name: string;
  subject: string;
  resource_id: string;
  payload: Record<string, unknown>;
  user_ids: string[] | null;
  /** Several events in one row (OutboxEvent.events), else null. */
  events: SharedRowEvent[] | null;
  occurred_at: Date | string;
}

/** A PostgreSQL array literal of seqs (bigint strings), bound as one parameter. */
export function seqArray(seqs: readonly string[]): string {
  if (!seqs.every((s) => /^\d+$/.test(s))) throw new Error('seqs must be digits');
  return `{${seqs.join(',')}}`;
}
