import { alternate, assertSameAnswer, throughputRows } from '../lib/ab';
import { SEARCH_WORD, TICKET_SQL, searchParams } from '../lib/ticket-sql';
import type { Scenario } from '../lib/types';

/** GET /api/v1/tickets?q=refund (full text + prefix over the GIN index; one ticket in ten matches). */
const scenario: Scenario = {
  name: 'ticket-search',
  order: 20,
  description: `ticket search q=${SEARCH_WORD} vs node:http + pg running the same SQL`,
  async run(ctx) {
    const params = [ctx.tenantId, ...searchParams(SEARCH_WORD)];
    await ctx.explain('ticket-search', 'page', TICKET_SQL.searchPage, params);
    await ctx.explain('ticket-search', 'capped count for Content-Range (findListPage)', TICKET_SQL.searchCount, params);
    await ctx.explain('ticket-search', 'page and capped total in one statement, as findListPage and the baseline send it', TICKET_SQL.searchPageWithTotal, params);
    const load = (url: string, headers: Record<string, string>, warmup: boolean) =>
      ctx.load({ url, headers, connections: ctx.connections, duration: warmup ? Math.max(1, Math.ceil(ctx.duration / 2)) : ctx.duration });
    const q = encodeURIComponent(SEARCH_WORD);
    // react-admin's simple-rest sends q inside the JSON filter
    const appUrl = `${ctx.app.url}/api/v1/tickets?filter=${encodeURIComponent(JSON.stringify({ q: SEARCH_WORD }))}`;
    const auth = { authorization: `Bearer ${ctx.agentToken}` };
    ctx.log(`ticket-search: both answer ${await assertSameAnswer({ url: appUrl, headers: auth }, `${ctx.baselineUrl}/tickets?q=${q}`)}`);
    const pairs = await alternate(
      ctx,
      'ticket-search',
      (w) => load(`${ctx.baselineUrl}/tickets?q=${q}`, {}, w),
      (w) => load(appUrl, auth, w),
    );
    return throughputRows(ctx, 'ticket-search', pairs, { minRatio: 0.5 });
  },
};
export default scenario;
