import { buildMongoQueryMatcher } from '@casl/ability';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function instant(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return Date.parse(value);
  return undefined;
}

/**
 * CASL's default ordering, except that timestamps compare as instants whether they are `Date`s or
 * ISO-8601 strings. Rules shipped as JSON (GET /auth/me) carry dates as strings, and so do the
 * records the UI holds; the backend's rows carry `Date`s. All of them must agree.
 */
export function compareValues<T>(a: T, b: T): 0 | 1 | -1 {
  const [x, y] = [instant(a), instant(b)];
  if (x !== undefined && y !== undefined) return x === y ? 0 : x > y ? 1 : -1;
  return a === b ? 0 : a > b ? 1 : -1;
}

/** MongoDB-style conditions (CASL's default operators) with `compareValues`. */
export const conditionsMatcher = buildMongoQueryMatcher({}, {}, { compare: compareValues });
