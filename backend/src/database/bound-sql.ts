import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * `em.execute(sql, params)` with the values sent as bind parameters ($1, $2…) instead of quoted
 * into the statement's text. MikroORM 6's `execute` inlines every value (Platform.formatQuery),
 * which costs the event loop ~100 ms per megabyte, and PostgreSQL then parses it as a literal: the
 * set-based writes that send their rows as one JSON document (bulk call ingest, the SLA job's
 * tickets, events and alerts, notifications, outbox rows) go through here. Same connection and
 * transaction as `em` (so row-level security's `app.tenant_id` applies); `?` placeholders as in
 * `em.execute`. Values as node-postgres binds them: strings, numbers, booleans, Dates, null (an
 * array becomes a PostgreSQL array, not a list).
 */
export async function executeBound<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const knex: Knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const result = (await knex.raw(sql, params as Knex.RawBinding[])) as { rows: T[] };
  return result.rows;
}

/**
 * One statement with $1, $2… bind parameters straight through node-postgres, on a connection of
 * MikroORM's pool, outside any transaction (it never joins `em`'s): for login's two statements,
 * where knex's runner and MikroORM's formatting, logging and hooks were a sixth of a login's
 * event-loop time, time taken from argon2 on the same core. Errors are node-postgres's own (codes
 * as ProblemFilter maps them).
 */
export async function queryOnPool<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const client = em.getConnection().getKnex().client as Knex.Client;
  const connection = (await client.acquireConnection()) as { query(sql: string, params: readonly unknown[]): Promise<{ rows: T[] }> };
  try {
    return (await connection.query(sql, params)).rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
