import { alternate, throughputRows, type Pairs } from '../lib/ab';
import { UNIQUE, apiKeyHeaders, bulkBody } from '../lib/call-ingest-load';
import { outboxBacklogSkipped } from '../lib/outbox';
import type { LoadResult } from '../lib/load';
import type { Scenario } from '../lib/types';

const ITEMS = 1_000;
/** Few connections: each request is a 1,000-row transaction; more would only queue on the 10-connection pools. */
const CONNECTIONS = 4;

/**
 * POST /api/v1/call-logs/bulk with a dialer's API key, 1,000 new completed calls per request
 * (externalIds unique to the request: the load generator fills UNIQUE in, so every row on both
 * sides is an INSERT, never a conflict), vs node:http + pg running one multi-row
 * INSERT … ON CONFLICT (tenant_id, external_id) DO UPDATE … WHERE the status moves forward, with
 * the written calls' `call-log.created` outbox rows inserted from its RETURNING in the same
 * statement. The app does the same writes (calls + one outbox row per written call) plus per-item
 * validation, E.164, agent check, lead matching and the per-item 200 answer. Both sides hold 10
 * pooled PostgreSQL connections. rows/s = req/s × 1,000. Each run starts with the app's outbox
 * relay idle: the previous run's events (the baseline's too) are dropped unsent
 * (outboxBacklogSkipped), since relaying ~60,000 of them would compete with the next run.
 */
const scenario: Scenario = {
  name: 'call-ingest-bulk',
  order: 36,
  description: 'POST /call-logs/bulk, 1,000 new calls per request, vs one raw multi-row INSERT … ON CONFLICT of 1,000 rows and their outbox rows',
  async run(ctx) {
    const items = ctx.smoke ? 100 : ITEMS;
    const bodies = [bulkBody(items, ctx.users)];
    const headers = await apiKeyHeaders(ctx.db, ctx.tenantId);
    const probe = await fetch(`${ctx.app.url}/api/v1/call-logs/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: bodies[0].replaceAll(UNIQUE, 'probe'),
    });
    const answer = (await probe.json()) as { created?: number };
    if (probe.status !== 200 || answer.created !== items) throw new Error(`POST /call-logs/bulk answered ${probe.status}: ${JSON.stringify(answer).slice(0, 500)}`);
    // a request is a few hundred ms of server time here: at least 8 s per run for a few dozen of them
    const duration = ctx.smoke ? ctx.duration : Math.max(ctx.duration, 8);
    const seconds = (warmup: boolean) => (warmup ? Math.max(1, Math.ceil(duration / 2)) : duration);
    const load = async (url: string, h: Record<string, string>, warmup: boolean) => {
      await outboxBacklogSkipped(ctx.db);
      return ctx.load({ url, method: 'POST', headers: h, bodies, uniqueToken: UNIQUE, connections: CONNECTIONS, duration: seconds(warmup) });
    };
    const pairs = await alternate(
      ctx,
      'call-ingest-bulk',
      (w) => load(`${ctx.baselineUrl}/call-logs/bulk`, {}, w),
      (w) => load(`${ctx.app.url}/api/v1/call-logs/bulk`, headers, w),
    );
    // the last run's tens of thousands of events: the next scenario starts without them, and after
    // the autovacuum those hundreds of thousands of new rows call for (it would run on the database's
    // CPU, the socket clients' one, during live-events)
    await outboxBacklogSkipped(ctx.db);
    ctx.log('call-ingest-bulk: vacuum analyze of call_logs and outbox_events');
    await ctx.db.query('vacuum (analyze) call_logs, outbox_events');
    const rows = (r: LoadResult): LoadResult => ({ ...r, reqPerSec: r.reqPerSec * items });
    const perRow: Pairs<LoadResult> = { ...pairs, app: pairs.app.map(rows), baseline: pairs.baseline.map(rows) };
    return throughputRows(ctx, 'call-ingest-bulk', perRow, {
      minRatio: 0.6,
      unit: 'rows/s',
      note: `${items} new calls per request (API key, ${CONNECTIONS} connections); baseline: one INSERT … ON CONFLICT of ${items} rows plus their outbox rows`,
    });
  },
};
export default scenario;
