import { ValidationProblem } from '../errors/problem';

/** How one allow-listed filter field is parsed and turned into a MikroORM condition. */
export interface FilterField {
  kind: 'uuid' | 'string' | 'enum' | 'boolean' | 'number' | 'date' | 'tags';
  /** Allowed values for `enum`. */
  values?: readonly string[];
  /** Entity property to filter on, when it differs from the filter key. */
  property?: string;
  /** `uuid` fields: accept "me" for the current user. */
  allowMe?: boolean;
  /** Also accept `<key>_gte` and `<key>_lte` (dates and numbers). */
  range?: boolean;
}

export interface ListSpec {
  /** Resource name used in Content-Range. */
  resource: string;
  sortable: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  filters: Readonly<Record<string, FilterField>>;
  /** Builds the condition for the `q` full-text filter; absent = `q` not allowed. */
  search?: (q: string) => Record<string, unknown>;
}

export interface ListQuery {
  where: Record<string, unknown>;
  orderBy: Record<string, 'asc' | 'desc'>[];
  offset: number;
  limit: number;
}

export interface RawListQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseJson(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationProblem({ [name]: `${name} must be valid JSON` }, `Invalid ${name} parameter`);
  }
}

/**
 * Parses react-admin simple-rest list parameters (`sort`, `range`, `filter`, or a `Range` header)
 * against an allow-list. Anything not allowed is a 400 naming the parameter.
 */
export function parseListQuery(raw: RawListQuery, spec: ListSpec, ctx: { userId?: string }, rangeHeader?: string): ListQuery {
  return {
    orderBy: parseSort(raw.sort, spec),
    ...parseRange(raw.range, rangeHeader),
    where: parseFilter(raw.filter, spec, ctx),
  };
}

function parseSort(raw: string | undefined, spec: ListSpec): ListQuery['orderBy'] {
  const sort = raw ? parseJson('sort', raw) : spec.defaultSort;
  if (!Array.isArray(sort)) throw new ValidationProblem({ sort: 'sort must be ["field", "ASC" | "DESC"]' }, 'Invalid sort parameter');
  const [field, order] = sort as unknown[];
  if (typeof field !== 'string' || !spec.sortable.includes(field))
    throw new ValidationProblem({ sort: `sort field must be one of: ${spec.sortable.join(', ')}` }, 'Invalid sort parameter');
  if (order !== 'ASC' && order !== 'DESC')
    throw new ValidationProblem({ sort: 'sort order must be ASC or DESC' }, 'Invalid sort parameter');
  const dir = order === 'ASC' ? 'asc' : 'desc';
  // id breaks ties so that pages are stable
  return field === 'id' ? [{ id: dir }] : [{ [field]: dir }, { id: dir }];
}

function parseRange(raw: string | undefined, header?: string): { offset: number; limit: number } {
  let start = 0;
  let end = DEFAULT_PAGE - 1;
  if (raw) {
    const range = parseJson('range', raw);
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && n >= 0))
      throw new ValidationProblem({ range: 'range must be [start, end] with whole numbers ≥ 0' }, 'Invalid range parameter');
    [start, end] = range as number[];
  } else if (header) {
    const m = /^[\w-]+=(\d{1,15})-(\d{1,15})$/.exec(header.trim());
    if (!m) throw new ValidationProblem({ range: 'Range header must look like "resource=0-24"' }, 'Invalid Range header');
    [start, end] = [Number(m[1]), Number(m[2])];
  }
  if (end < start) throw new ValidationProblem({ range: 'range end must not be before its start' }, 'Invalid range parameter');
  if (end - start + 1 > MAX_PAGE)
    throw new ValidationProblem({ range: `at most ${MAX_PAGE} rows per page` }, 'Invalid range parameter');
  return { offset: start, limit: end - start + 1 };
}

function parseFilter(raw: string | undefined, spec: ListSpec, ctx: { userId?: string }): Record<string, unknown> {
  if (!raw) return {};
  const filter = parseJson('filter', raw);
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    throw new ValidationProblem({ filter: 'filter must be a JSON object' }, 'Invalid filter parameter');
  const conditions: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(filter)) {
    conditions.push(filterCondition(key, value, spec, ctx));
  }
  return conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0] : { $and: conditions };
}

function filterCondition(key: string, value: unknown, spec: ListSpec, ctx: { userId?: string }): Record<string, unknown> {
  const bad = (msg: string) => new ValidationProblem({ [`filter.${key}`]: msg }, `Invalid filter "${key}"`);
  if (key === 'q') {
    if (!spec.search) throw bad('full-text search is not available here');
    if (typeof value !== 'string' || value.length > 200) throw bad('q must be a string of at most 200 characters');
    return value.trim() ? spec.search(value.trim()) : {};
  }
  if (key === 'id') {
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length > MAX_PAGE || !ids.every((v) => typeof v === 'string' && UUID.test(v))) throw bad('id must be UUIDs');
    return { id: { $in: ids } };
  }
  const rangeMatch = /^(.+)_(gte|lte)$/.exec(key);
  if (rangeMatch && Object.hasOwn(spec.filters, rangeMatch[1]) && spec.filters[rangeMatch[1]].range) {
    const field = spec.filters[rangeMatch[1]];
    const prop = field.property ?? rangeMatch[1];
    return { [prop]: { [`$${rangeMatch[2]}`]: scalar(field, value, bad, ctx) } };
  }
  // hasOwn: keys such as "constructor" must not resolve to Object.prototype members
  const field = Object.hasOwn(spec.filters, key) ? spec.filters[key] : undefined;
  if (!field) throw bad(`unknown filter; allowed: ${['q', 'id', ...Object.keys(spec.filters)].join(', ')}`);
  const prop = field.property ?? key;
  if (field.kind === 'tags') {
    const tags = Array.isArray(value) ? value : [value];
    if (!tags.every((t) => typeof t === 'string')) throw bad('tags must be strings');
    return { [prop]: { $overlap: tags } };
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_PAGE) throw bad('too many values');
    return { [prop]: { $in: value.map((v) => scalar(field, v, bad, ctx)) } };
  }
  return { [prop]: scalar(field, value, bad, ctx) };
}

function scalar(field: FilterField, value: unknown, bad: (m: string) => Error, ctx: { userId?: string }): unknown {
  if (value === null) return null;
  switch (field.kind) {
    case 'uuid':
      if (field.allowMe && value === 'me') {
        if (!ctx.userId) throw bad('"me" needs a user login');
        return ctx.userId;
      }
      if (typeof value !== 'string' || !UUID.test(value)) throw bad('must be a UUID');
      return value;
    case 'enum':
      if (typeof value !== 'string' || !field.values?.includes(value)) throw bad(`must be one of: ${field.values?.join(', ')}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('must be true or false');
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('must be a number');
      return value;
    case 'date': {
      const d = typeof value === 'string' ? new Date(value) : null;
      if (!d || Number.isNaN(d.getTime())) throw bad('must be an ISO-8601 date');
      return d;
    }
    default:
      if (typeof value !== 'string' || value.length > 500) throw bad('must be a string');
      return value;
  }
}
