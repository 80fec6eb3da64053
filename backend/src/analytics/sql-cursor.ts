import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from './sql';
import { currentTenantId } from '../database/tenant.filter';
import { TENANT_SETTING } from '../database/rls';

/** Rows fetched per round trip. */
const BATCH = 500;

/**
 * Streams the rows of `statement` through a server-side cursor, in a read-only transaction on its
 * own pooled connection: memory stays at one batch whatever the row count, and a slow reader slows
 * the fetching (backpressure). The first batch is fetched before this resolves, so that SQL errors
 * surface as an ordinary error response rather than a cut-off download. The connection goes back to
 * the pool when the stream ends, fails or is destroyed (client gone).
 */
export async function streamRows(em: EntityManager, statement: Sql): Promise<Readable> {
  const trx = await em.getConnection().getKnex().transaction();
  const fetch = async () => ((await trx.raw(`fetch ${BATCH} from analytics_export`)) as { rows: Record<string, unknown>[] }).rows;
  let first: Record<string, unknown>[];
  try {
    await trx.raw('set transaction read only');
    // its own connection, so its own app.tenant_id for row-level security (the request's tenant)
    const tenantId = currentTenantId(em);
    if (tenantId) await trx.raw(`select set_config('${TENANT_SETTING}', ?, true)`, [tenantId]);
    await trx.raw(`declare analytics_export no scroll cursor for ${statement.text}`, [...statement.params] as never[]);
    first = await fetch();
  } catch (e) {
    await trx.rollback();
    throw e;
  }
  async function* rows() {
    let finished = false;
    try {
      for (let batch = first; batch.length > 0; batch = batch.length < BATCH ? [] : await fetch()) yield* batch;
      await trx.commit();
      finished = true;
    } finally {
      if (!finished) await trx.rollback();
    }
  }
  return Readable.from(rows(), { objectMode: true, highWaterMark: BATCH });
}
