import { raw, RawQueryFragment, ReferenceKind, Utils, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { currentTenantId } from '../../database/tenant.filter';
import type { ListQuery } from './list-query';

/**
 * Up to this many matching rows a list's total is exact; above it the total is PostgreSQL's
 * planner estimate. An exact `count(*)` reads every matching index entry, so on a large tenant it
 * costs more than the page itself and grows with the table (28 ms for 200,000 tickets against
 * 0.2 ms for the page); counting at most EXACT_TOTAL_LIMIT + 1 rows keeps the list's cost flat.
 */
export const EXACT_TOTAL_LIMIT = 10_000;

export interface ListPage<T> {
  /** Plain rows with the entity's (non-lazy) properties: read-only answers, not managed entities. */
  rows: T[];
  /** An integer, as react-admin's simple-rest provider parses it from Content-Range. */
  total: number;
  /** True when `total` is the planner's estimate (more than EXACT_TOTAL_LIMIT rows match). */
  estimated: boolean;
}

/**
 * One page of a list and its total for Content-Range, at a cost bounded by EXACT_TOTAL_LIMIT.
 * The total is exact when the page is not full (offset + rows) or when at most EXACT_TOTAL_LIMIT
 * rows match; otherwise it is the planner's row estimate for the same conditions, never less
 * than what is known to exist, so that react-admin always offers the next page.
 *
 * Page, capped count and estimate travel in one statement (pageWithTotal): inside the request's
 * transaction every statement is a round trip, and the list is the hottest read.
 */
export function findListPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<NoInfer<T>>,
  query: PageQuery,
): Promise<ListPage<T>> {
  // raw() fragments in `where` (full-text search) live for this callback, for both queries
  return RawQueryFragment.run(async () => {
    const { page, matching } = await listSql(em, entity, where, query);
    const { rows, counted } = await pageWithTotal(em, entity, page, matching);
    const pageIsLast = rows.length < query.limit && (rows.length > 0 || query.offset === 0);
    if (pageIsLast) return { rows, total: query.offset + rows.length, estimated: false };
    // an empty page past the end carries no total column: count on its own
    const { total, estimate } = counted ?? (await cappedCount(em, matching));
    if (total <= EXACT_TOTAL_LIMIT) return { rows, total, estimated: false };
    // a full page: at least one more row may follow it
    const known = Math.max(EXACT_TOTAL_LIMIT + 1, rows.length ? query.offset + rows.length + 1 : 0);
    return { rows, total: Math.max(Math.round(Number(estimate)), known), estimated: true };
  });
}

interface CappedTotal {
  /** count(*) over at most EXACT_TOTAL_LIMIT + 1 matching rows. */
  total: number;
  /** The planner's row estimate, only when the capped count hit the cap. */
  estimate: number | string | null;
}

/**
 * CTE `totals`, one row: the capped count (n) and, only when it hits the cap, the planner's
 * estimate (planner_row_estimate: EXPLAIN without ANALYZE, nothing read).
 */
function totalsCte(matching: string, em: EntityManager): string {
  return `capped as materialized (select count(*)::int as n from (${matching} limit ${EXACT_TOTAL_LIMIT + 1}) c),
    totals as materialized (select n, case when n > ${EXACT_TOTAL_LIMIT} then planner_row_estimate(${em.getPlatform().quoteValue(matching)}) end as estimate from capped)`;
}

/**
 * The page's rows, each with the capped total and estimate as two more columns (uncorrelated
 * subqueries of a one-row CTE: computed once). The outer select only adds columns to the ordered, limited page
 * subquery, which keeps its order. Rows are plain objects with property names: a list is only
 * serialised, and hydrating it into managed entities (entity factory, identity map,
 * change-tracking setup) was the largest part of the list's CPU time in the profile.
 */
async function pageWithTotal<T extends object>(em: EntityManager, entity: EntityName<T>, page: string, matching: string): Promise<{ rows: T[]; counted: CappedTotal | null }> {
  const sql = `with ${totalsCte(matching, em)}
    select page.*, (select n from totals) as "__total", (select estimate from totals) as "__estimate" from (${page}) page`;
  const result = await em.execute<(Record<string, unknown> & { __total: number; __estimate: number | string | null })[]>(sql);
  const meta = em.getMetadata().get<T>(Utils.className(entity));
  const driver = em.getDriver();
  const rows = result.map(({ __total, __estimate, ...row }) => driver.mapResult(row as never, meta) as T);
  return { rows, counted: result.length ? { total: result[0].__total, estimate: result[0].__estimate } : null };
}

type PageQuery = Pick<ListQuery, 'offset' | 'limit'> & { orderBy: readonly Record<string, string>[] };

interface ListSql {
  page: string;
  matching: string;
}

/** How many built list statements are kept (least recently used goes first). */
const LIST_SQL_CACHE_SIZE = 500;
const listSqlCache = new Map<string, ListSql>();
const UNDEFINED = '\u0000undefined';

/**
 * The page and matching statements of a list query, built by the query builder or taken from the
 * cache of recent ones. Building them (two query builders, the tenant filter, values inlined) was
 * the largest part of a list request's CPU time in the profile, and most list requests repeat
 * one another: every agent on the default page, and every screen refetching it after a live event.
 * The key holds everything the SQL depends on: entity, tenant (the filter's only parameter),
 * conditions, order and page. Conditions with raw() fragments (search) are not cached: a
 * fragment's key is new for every request.
 */
async function listSql<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, query: PageQuery): Promise<ListSql> {
  const key = listSqlKey(em, entity, where, query);
  const cached = key ? listSqlCache.get(key) : undefined;
  if (key && cached) {
    // most recently used goes last
    listSqlCache.delete(key);
    listSqlCache.set(key, cached);
    return cached;
  }
  const built = { page: await pageSql(em, entity, where, query), matching: await matchingSql(em, entity, where) };
  if (key) {
    listSqlCache.set(key, built);
    if (listSqlCache.size > LIST_SQL_CACHE_SIZE) listSqlCache.delete(listSqlCache.keys().next().value as string);
  }
  return built;
}

/** The cache key of a list query, or null when it must not be cached. */
function listSqlKey<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, query: PageQuery): string | null {
  let key: string;
  try {
    key = JSON.stringify([Utils.className(entity), currentTenantId(em) ?? null, where, query.orderBy, query.offset, query.limit], (_k, v: unknown) => (v === undefined ? UNDEFINED : v));
  } catch {
    return null; // not plain data (a cycle): build it every time
  }
  return key.includes('[raw]: ') ? null : key;
}

/** The page's select with the tenant filter applied and values inlined (knex escapes them). */
async function pageSql<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, query: PageQuery): Promise<string> {
  const meta = em.getMetadata().get<T>(Utils.className(entity));
  const fields = meta.props.filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false && !p.lazy).map((p) => p.name);
  const qb = em
    .createQueryBuilder(entity)
    .select(fields as never[])
    .where(where)
    .orderBy(query.orderBy as never[])
    .offset(query.offset)
    .limit(query.limit);
  await qb.applyFilters();
  return qb.getFormattedQuery();
}

/** `select 1` over the matching rows, with the tenant filter applied and values inlined. */
async function matchingSql<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<string> {
  const qb = em.createQueryBuilder(entity).select(raw('1')).where(where);
  await qb.applyFilters();
  return qb.getFormattedQuery();
}

/** The capped count and estimate alone, for an empty page past the end of the list. */
async function cappedCount(em: EntityManager, matching: string): Promise<CappedTotal> {
  const [row] = await em.execute<{ __total: number; __estimate: number | string | null }[]>(`with ${totalsCte(matching, em)} select n as "__total", estimate as "__estimate" from totals`);
  return { total: row.__total, estimate: row.__estimate };
}
