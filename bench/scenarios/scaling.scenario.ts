import { freePort } from '../../backend/src/database/embedded-postgres';
import { alternate, assertSameAnswer, throughputRows } from '../lib/ab';
import { generateTenant } from '../lib/database';
import { startTsServer } from '../lib/processes';
import type { ResultRow, Scenario } from '../lib/types';
import { apiKeyHeaders, callBodies } from '../lib/call-ingest-load';
import { outboxDrained } from '../lib/outbox';
import { INGEST_CONNECTIONS } from './call-ingest.scenario';

/**
 * ticket-list and call-ingest (an API key at 50 connections, as in call-ingest) with 10k, 100k
 * and 1M tickets and call logs in the tenant, one pair each: how the ratio moves with the table
 * size. Opt-in (`npm run bench -- --scaling`): generating the 1M tenant alone takes minutes, which
 * the default suite's 10-minute bound has no room for.
 */
const scenario: Scenario = {
  name: 'scaling',
  order: 90,
  optIn: true,
  description: 'ticket-list and call-ingest at 10k, 100k and 1M rows in the tenant',
  async run(ctx) {
    const sizes = ctx.smoke ? [1_000, 5_000] : [10_000, 100_000, 1_000_000];
    const rows: ResultRow[] = [];
    for (const size of sizes) {
      const label = size.toLocaleString('en');
      const t = await generateTenant(ctx.db, { tickets: size, calls: size, agents: 10, label: `scale-${size}` }, ctx.log);
      const agent = t.users.find((u) => u.role === 'agent')!;
      const token = await ctx.login(agent.email);
      const baseline = await startTsServer('bench/lib/baseline-server.ts', await freePort(), { DATABASE_URL: ctx.dbUrl, TENANT_ID: t.tenantId, POOL_MAX: '10' }, '/ready');
      try {
        const auth = { authorization: `Bearer ${token}` };
        const sized = { ...ctx, pairs: 1, dataSize: `${label} tickets and ${label} call logs in the tenant` };
        const appList = `${ctx.app.url}/api/v1/tickets`;
        ctx.log(`scaling ${label}: both answer ${await assertSameAnswer({ url: appList, headers: auth }, `${baseline.url}/tickets`)}`);
        const seconds = (w: boolean) => (w ? Math.max(1, Math.ceil(ctx.duration / 2)) : ctx.duration);
        const list = await alternate(
          sized,
          `scaling ${label} ticket-list`,
          (w) => ctx.load({ url: `${baseline.url}/tickets`, connections: ctx.connections, duration: seconds(w) }),
          (w) => ctx.load({ url: appList, headers: auth, connections: ctx.connections, duration: seconds(w) }),
        );
        rows.push(...throughputRows(sized, `ticket-list @${label}`, list, { minRatio: 0.5, maxP99Ratio: 2 }));
        const bodies = callBodies(1000, t.users, 4_000_000 + sizes.indexOf(size) * 100_000);
        const apiKey = await apiKeyHeaders(ctx.db, t.tenantId);
        const ingest = (url: string, headers: Record<string, string>) => async (w: boolean) => {
          await outboxDrained(ctx.db);
          return ctx.load({ url, method: 'POST', headers, bodies, connections: INGEST_CONNECTIONS, duration: seconds(w) });
        };
        const calls = await alternate(sized, `scaling ${label} call-ingest`, ingest(`${baseline.url}/call-logs`, {}), ingest(`${ctx.app.url}/api/v1/call-logs`, apiKey));
        rows.push(...throughputRows(sized, `call-ingest @${label}`, calls, { minRatio: 0.5, unit: 'rows/s' }));
      } finally {
        await baseline.stop();
      }
    }
    return rows;
  },
};
export default scenario;
