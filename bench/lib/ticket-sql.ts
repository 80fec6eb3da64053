import { EXACT_TOTAL_LIMIT } from '../../backend/src/common/rest/list-page';

/**
 * The indexed SQL a ticket list page needs, as the baseline runs it: one page of 25 in the default
 * order (updated_at desc, id desc) of one tenant, plus the total for Content-Range as the app
 * computes it (findListPage): a count capped at EXACT_TOTAL_LIMIT + 1 rows, and above that the
 * planner's estimate.
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

export const TICKET_SQL = {
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
