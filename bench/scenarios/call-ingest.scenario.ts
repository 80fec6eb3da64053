import { alternate, throughputRows } from '../lib/ab';
import type { Scenario } from '../lib/types';

/** Distinct completed inbound calls (no externalId, so every request stores a new call). */
export function callBodies(count: number, firstNumber = 2_000_000): string[] {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      direction: 'inbound',
      fromNumber: `+1415${String(firstNumber + i).padStart(7, '0')}`,
      toNumber: '+14155550100',
      startedAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      answeredAt: new Date(Date.now() - (i + 1) * 60_000 + 5_000).toISOString(),
      endedAt: new Date(Date.now() - (i + 1) * 60_000 + 45_000).toISOString(),
      status: 'completed',
      outcome: 'answered',
    }),
  );
}

/**
 * POST /api/v1/call-logs as an agent (validation, E.164, lead matching, upsert, outbox event) vs
 * node:http + pg inserting the row and its outbox event in one transaction.
 */
const scenario: Scenario = {
  name: 'call-ingest',
  order: 35,
  description: 'POST /call-logs (one call) vs node:http + pg inserting the row and its outbox event',
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
      'references, lead matching and tenant settings in one statement (CallReferences.load, one call of an agent)',
      `select (select settings from tenants where id = $1) as settings,
              (select array_agg(id) from users where tenant_id = $1 and active and id in ($2)) as agents, null as tickets, null as dispositions, null as leads,
              (select json_agg(json_build_object('id', id, 'name', name, 'phone', phone)) from leads where tenant_id = $1 and phone in ($3)) as by_phone`,
      [ctx.tenantId, agent.id, '+14152000001'],
    );
    const bodies = callBodies(1000);
    const auth = { authorization: `Bearer ${ctx.agentToken}` };
    const probe = await fetch(`${ctx.app.url}/api/v1/call-logs`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: bodies[0] });
    if (probe.status !== 201) throw new Error(`POST /call-logs answered ${probe.status}: ${await probe.text()}`);
    const seconds = (warmup: boolean) => (warmup ? Math.max(1, Math.ceil(ctx.duration / 2)) : ctx.duration);
    const pairs = await alternate(
      ctx,
      'call-ingest',
      (w) => ctx.load({ url: `${ctx.baselineUrl}/call-logs`, method: 'POST', bodies, connections: ctx.connections, duration: seconds(w) }),
      (w) =>
        ctx.load({
          url: `${ctx.app.url}/api/v1/call-logs`,
          method: 'POST',
          headers: auth,
          bodies,
          connections: ctx.connections,
          duration: seconds(w),
        }),
    );
    return throughputRows(ctx, 'call-ingest', pairs, { minRatio: 0.5, note: 'no target in the issue yet; 50% shown as for the lists' });
  },
};
export default scenario;
