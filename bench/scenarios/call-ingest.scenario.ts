import { alternate, throughputRows } from '../lib/ab';
import { apiKeyHeaders, callBodies } from '../lib/call-ingest-load';
import { outboxDrained } from '../lib/outbox';
import type { Scenario } from '../lib/types';

/** Fixed connections of both sides (issue #8); each side's pool holds 10 PostgreSQL connections. */
export const INGEST_CONNECTIONS = 50;

/**
 * POST /api/v1/call-logs with a dialer's API key (`X-API-Key`, scope calls:write), one new
 * completed call naming its agent per request, 50 connections: key lookup, validation, E.164,
 * agent check, lead matching, upsert and outbox event, vs node:http + pg inserting the row and its
 * outbox event in one transaction (no auth, no checks). Both sides hold 10 pooled PostgreSQL
 * connections (the app's MikroORM pool, the baseline's POOL_MAX). One request is one row, so
 * req/s = rows/s. Each run starts with the app's outbox relay idle (outboxDrained).
 */
const scenario: Scenario = {
  name: 'call-ingest',
  order: 35,
  description: 'POST /call-logs with an API key (one call, 50 connections) vs node:http + pg inserting the row and its outbox event',
  async run(ctx) {
    await ctx.explain(
      'call-ingest',
      'lead match by the caller number (leads_tenant_id_phone_unique)',
      'select id from leads where tenant_id = $1 and phone = $2',
      [ctx.tenantId, '+14152000001'],
    );
    const agent = ctx.users.find((u) => u.role === 'agent')!;
    await ctx.explain(
      'call-ingest',
      'references, lead matching and tenant settings in one statement (CallReferences.load, one call naming its agent)',
      `select (select settings from tenants where id = $1) as settings,
              (select array_agg(id) from users where tenant_id = $1 and active and id in ($2)) as agents, null as tickets, null as dispositions, null as leads,
              (select json_agg(json_build_object('id', id, 'name', name, 'phone', phone)) from leads where tenant_id = $1 and phone in ($3)) as by_phone`,
      [ctx.tenantId, agent.id, '+14152000001'],
    );
    const bodies = callBodies(1000, ctx.users);
    const headers = await apiKeyHeaders(ctx.db, ctx.tenantId);
    const probe = await fetch(`${ctx.app.url}/api/v1/call-logs`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: bodies[0] });
    if (probe.status !== 201) throw new Error(`POST /call-logs answered ${probe.status}: ${await probe.text()}`);
    const seconds = (warmup: boolean) => (warmup ? Math.max(1, Math.ceil(ctx.duration / 2)) : ctx.duration);
    const load = async (url: string, h: Record<string, string>, warmup: boolean) => {
      await outboxDrained(ctx.db);
      return ctx.load({ url, method: 'POST', headers: h, bodies, connections: INGEST_CONNECTIONS, duration: seconds(warmup) });
    };
    const pairs = await alternate(
      ctx,
      'call-ingest',
      (w) => load(`${ctx.baselineUrl}/call-logs`, {}, w),
      (w) => load(`${ctx.app.url}/api/v1/call-logs`, headers, w),
    );
    return throughputRows(ctx, 'call-ingest', pairs, {
      minRatio: 0.5,
      unit: 'rows/s',
      note: `API key, ${INGEST_CONNECTIONS} connections, 10 pooled PostgreSQL connections on each side; one row per request`,
    });
  },
};
export default scenario;
