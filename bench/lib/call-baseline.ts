/**
 * The call-ingest baselines of baseline-server.ts: raw `pg`, no validation, no lead matching,
 * no idempotency, no reference checks. Each writes the call rows and one `call-log.created` or
 * `call-log.updated` outbox row per written call, as the app commits them.
 */
import type { Pool } from 'pg';

/** The fields of a bench call body the baselines store (the scenarios send exactly these). */
interface CallItem {
  externalId?: string;
  direction: string;
  status?: string;
  outcome: string;
  fromNumber: string;
  toNumber: string;
  startedAt: string;
  answeredAt: string;
  endedAt: string;
  agentId: string;
}

const RETURNED = `id, external_id, direction, status, outcome, from_number as "fromNumber", to_number as "toNumber", started_at as "startedAt",
                  agent_id as "agentId", talk_seconds as "talkSeconds", ring_seconds as "ringSeconds", created_at as "createdAt"`;

/** One call (POST /call-logs): the row and its outbox event in one transaction. */
export async function ingestCall(pool: Pool, tenantId: string, body: string): Promise<unknown> {
  const c = JSON.parse(body) as CallItem;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(
      `insert into call_logs (id, tenant_id, direction, from_number, to_number, started_at, answered_at, ended_at, outcome,
                              talk_seconds, ring_seconds, agent_id, source)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8,
               extract(epoch from $7::timestamptz - $6::timestamptz)::int, extract(epoch from $6::timestamptz - $5::timestamptz)::int, $9, 'api')
       returning ${RETURNED}`,
      [tenantId, c.direction, c.fromNumber, c.toNumber, c.startedAt, c.answeredAt, c.endedAt, c.outcome, c.agentId],
    );
    await client.query(
      `insert into outbox_events (id, tenant_id, name, subject, resource_id, payload) values (gen_random_uuid(), $1, 'call-log.created', 'CallLog', $2, $3)`,
      [tenantId, rows[0].id, JSON.stringify(rows[0])],
    );
    await client.query('commit');
    return rows[0];
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

/** Bound values per item in the bulk insert. */
const BULK_COLUMNS = 10;

/**
 * Up to 1,000 calls (POST /call-logs/bulk) in one statement: a multi-row INSERT … ON CONFLICT
 * (tenant_id, external_id) that moves a known call forward only to a later status (as the app
 * does), and the outbox rows of the written calls from its RETURNING. Answers per item.
 */
export async function ingestBulk(pool: Pool, tenantId: string, body: string): Promise<unknown> {
  const { items } = JSON.parse(body) as { items: CallItem[] };
  const params: unknown[] = [tenantId];
  const values = items.map((c, i) => {
    params.push(c.externalId ?? null, c.direction, c.status ?? 'completed', c.outcome, c.fromNumber, c.toNumber, c.startedAt, c.answeredAt, c.endedAt, c.agentId);
    const p = (k: number) => `$${2 + i * BULK_COLUMNS + k}`;
    return `(gen_random_uuid(), $1, ${p(0)}, ${p(1)}::call_direction, ${p(2)}::call_status, ${p(3)}::call_outcome, ${p(4)}, ${p(5)}, ${p(6)}::timestamptz, ${p(7)}::timestamptz, ${p(8)}::timestamptz,
             extract(epoch from ${p(8)}::timestamptz - ${p(7)}::timestamptz)::int, extract(epoch from ${p(7)}::timestamptz - ${p(6)}::timestamptz)::int, ${p(9)}::uuid, 'api')`;
  });
  const { rows } = await pool.query<{ id: string; external_id: string | null; inserted: boolean }>(
    `with written as (
       insert into call_logs (id, tenant_id, external_id, direction, status, outcome, from_number, to_number, started_at, answered_at, ended_at,
                              talk_seconds, ring_seconds, agent_id, source)
       values ${values.join(',\n')}
       on conflict (tenant_id, external_id) do update set
         status = excluded.status, outcome = excluded.outcome, answered_at = excluded.answered_at, ended_at = excluded.ended_at,
         talk_seconds = excluded.talk_seconds, ring_seconds = excluded.ring_seconds, updated_at = now()
       where excluded.status > call_logs.status
       returning ${RETURNED}, (xmax = 0) as inserted),
     events as (
       insert into outbox_events (id, tenant_id, name, subject, resource_id, payload)
       select gen_random_uuid(), $1, case when inserted then 'call-log.created' else 'call-log.updated' end, 'CallLog', id, to_jsonb(written) from written)
     select id, external_id, inserted from written`,
    params,
  );
  const byExternalId = new Map(rows.map((r) => [r.external_id, r]));
  return {
    created: rows.filter((r) => r.inserted).length,
    items: items.map((c, index) => {
      const row = byExternalId.get(c.externalId ?? null);
      return { index, id: row?.id ?? null, result: row ? (row.inserted ? 'created' : 'updated') : 'unchanged' };
    }),
  };
}
