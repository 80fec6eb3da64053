import { EXACT_TOTAL_LIMIT } from '../../backend/src/common/rest/list-page';

/**
 * The indexed SQL a ticket list page needs, as the baseline runs it: one page of 25 in the default
 * order (updated_at desc, id desc) of one tenant, plus the total for Content-Range as the app
 * computes it (findListPage): a count capped at EXACT_TOTAL_LIMIT + 1 rows, and above that the
 * planner's estimate. The baseline sends them as the app does, in one statement (pageWithTotal);
 * page and count alone are kept for the EXPLAIN plans.
 */
const COLUMNS = `id, number, subject, description, status, priority, channel, tags,
  requester_name as "requesterName", requester_phone as "requesterPhone", requester_email as "requesterEmail",
  lead_id as "leadId", assignee_id as "assigneeId", call_log_id as "callLogId",
  first_responded_at as "firstRespondedAt", resolved_at as "resolvedAt", closed_at as "closedAt",
  version, created_at as "createdAt", updated_at as "updatedAt"`;

export const PAGE_SIZE = 25;
export { EXACT_TOTAL_LIMIT };

/** The same full-text condition as backend/src/tickets/ticket-search.ts builds for a one-word q. */
const SEARCH = `(search @@ websearch_to_tsquery('simple', $2) or search @@ to_tsquery('simple', $3))`;

/**
 * findListPage's one statement: the page with the capped count and (only above the cap) the
 * planner's estimate as two more columns, __total and __estimate. `estimateOf` is the SQL text
 * of the matching select with the parameters inlined, as the app passes it to planner_row_estimate.
 */
function pageWithTotal(where: string, estimateOf: string): string {
  return `with capped as materialized (select count(*)::int as n from (select 1 from tickets where ${where} limit ${EXACT_TOTAL_LIMIT + 1}) c),
    totals as materialized (select n, case when n > ${EXACT_TOTAL_LIMIT} then planner_row_estimate(${estimateOf}) end as estimate from capped)
    select page.*, (select n from totals) as "__total", (select estimate from totals) as "__estimate"
    from (select ${COLUMNS} from tickets where ${where} order by updated_at desc, id desc limit ${PAGE_SIZE}) page`;
}

export const TICKET_SQL = {
  pageWithTotal: pageWithTotal('tenant_id = $1', `format('select 1 from tickets where tenant_id = %L', $1::uuid)`),
  searchPageWithTotal: pageWithTotal(
    `tenant_id = $1 and ${SEARCH}`,
    `format('select 1 from tickets where tenant_id = %L and (search @@ websearch_to_tsquery(''simple'', %L) or search @@ to_tsquery(''simple'', %L))', $1::uuid, $2::text, $3::text)`,
  ),
  page: `select ${COLUMNS} from tickets where tenant_id = $1 order by updated_at desc, id desc limit ${PAGE_SIZE}`,
  count: `select count(*)::int as total from (select 1 from tickets where tenant_id = $1 limit ${EXACT_TOTAL_LIMIT + 1}) capped`,
  estimate: `explain (format json) select 1 from tickets where tenant_id = $1`,
  searchPage: `select ${COLUMNS} from tickets where tenant_id = $1 and ${SEARCH} order by updated_at desc, id desc limit ${PAGE_SIZE}`,
  searchCount: `select count(*)::int as total from (select 1 from tickets where tenant_id = $1 and ${SEARCH} limit ${EXACT_TOTAL_LIMIT + 1}) capped`,
  searchEstimate: `explain (format json) select 1 from tickets where tenant_id = $1 and ${SEARCH}`,
};

/** Parameters after the tenant for a one-word search. */
export function searchParams(word: string): [string, string] {
  return [word, `'${word.toLowerCase()}':*`];
}

/** The word the search scenario looks for: in about one subject in ten (see data.ts). */
export const SEARCH_WORD = 'refund';
