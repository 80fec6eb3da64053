import { alternate, assertSameAnswer, throughputRows } from '../lib/ab';
import { TICKET_SQL } from '../lib/ticket-sql';
import type { Scenario } from '../lib/types';

/** GET /api/v1/tickets as an agent: first page of 25, default sort, with the total for Content-Range. */
const scenario: Scenario = {
  name: 'ticket-list',
  order: 10,
  description: 'ticket list page (25, updated_at desc) vs node:http + pg running the same SQL',
  async run(ctx) {
    await ctx.explain('ticket-list', 'page', TICKET_SQL.page, [ctx.tenantId]);
    await ctx.explain('ticket-list', 'capped count for Content-Range (findListPage)', TICKET_SQL.count, [ctx.tenantId]);
    await ctx.explain('ticket-list', 'page and capped total in one statement, as findListPage and the baseline send it', TICKET_SQL.pageWithTotal, [ctx.tenantId]);
    await ctx.explain('ticket-list', 'exact count, as it was before the cap (for comparison)', 'select count(*)::int as total from tickets where tenant_id = $1', [ctx.tenantId]);
    const load = (url: string, headers: Record<string, string>, warmup: boolean) =>
      ctx.load({ url, headers, connections: ctx.connections, duration: warmup ? Math.max(1, Math.ceil(ctx.duration / 2)) : ctx.duration });
    const auth = { authorization: `Bearer ${ctx.agentToken}` };
    const appUrl = `${ctx.app.url}/api/v1/tickets`;
    ctx.log(`ticket-list: both answer ${await assertSameAnswer({ url: appUrl, headers: auth }, `${ctx.baselineUrl}/tickets`)}`);
    const pairs = await alternate(
      ctx,
      'ticket-list',
      (w) => load(`${ctx.baselineUrl}/tickets`, {}, w),
      (w) => load(appUrl, auth, w),
    );
    return throughputRows(ctx, 'ticket-list', pairs, { minRatio: 0.5, maxP99Ratio: 2 });
  },
};
export default scenario;
