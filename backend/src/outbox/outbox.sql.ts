/** Notified (by a trigger on insert, so only at commit) when outbox rows were written. */
export const PENDING_CHANNEL = 'outbox_pending';
/** Notified by a relay, at the commit that marks rows delivered, with their comma-separated seqs. */
export const RELAYED_CHANNEL = 'outbox_relayed';

/**
 * One relay step in one statement (so one implicit transaction, one round trip):
 * - `claimed`: the oldest undelivered rows that no other relay holds (FOR UPDATE SKIP LOCKED);
 * - `ready`: those that may go now. A row waits while an older undelivered row of the same resource
 *   is held by another relay, so events of one aggregate never overtake each other;
 * - `marked`: marks them delivered;
 * - `announced`: NOTIFYs their seqs, which PostgreSQL sends only when the statement commits.
 * `synchronous_commit` is off for this transaction only: a crash could forget the marking of the
 * last few milliseconds and deliver those events again (at least once), never lose one.
 * Returns the claim's size (a full claim means there may be more) and how many were delivered.
 */
export const RELAY_SQL = `
with claimed as (
  select seq, resource_id from outbox_events
   where delivered_at is null
   order by seq
   limit ?
   for update skip locked
), ready as (
  select c.seq from claimed c
   where not exists (
     select 1 from outbox_events o
      where o.resource_id = c.resource_id and o.delivered_at is null and o.seq < c.seq
        and o.seq not in (select seq from claimed))
), marked as (
  update outbox_events e set delivered_at = now(), attempts = e.attempts + 1
    from ready r where e.seq = r.seq
  returning e.seq
), announced as (
  select pg_notify(?, string_agg(seq::text, ',' order by seq)) from marked having count(*) > 0
)
select (select count(*) from claimed)::int as claimed,
       (select count(*) from marked)::int as delivered,
       (select count(*) from announced)::int as announced,
       set_config('synchronous_commit', 'off', true) as sync`;

export const LOAD_SQL = `
select id, tenant_id, name, subject, resource_id, payload, user_ids, occurred_at
  from outbox_events where seq = any(?::bigint[]) order by seq`;

/** Rows delivered since a time (bound as a timestamptz), oldest first, at most `limit`. */
export const DELIVERED_SINCE_SQL = `
select seq::text, id, tenant_id, name, subject, resource_id, payload, user_ids, occurred_at
  from outbox_events where delivered_at >= ? order by seq limit ?`;

/** Deletes up to `limit` rows delivered longer than `seconds` ago. */
export const PRUNE_SQL = `
delete from outbox_events where seq in (
  select seq from outbox_events where delivered_at < now() - make_interval(secs => ?) order by delivered_at limit ?)`;

export interface OutboxRow {
  id: string;
  tenant_id: string;
  name: string;
  subject: string;
  resource_id: string;
  payload: Record<string, unknown>;
  user_ids: string[] | null;
  occurred_at: Date | string;
}

/** A PostgreSQL array literal of seqs (bigint strings), bound as one parameter. */
export function seqArray(seqs: readonly string[]): string {
  if (!seqs.every((s) => /^\d+$/.test(s))) throw new Error('seqs must be digits');
  return `{${seqs.join(',')}}`;
}
