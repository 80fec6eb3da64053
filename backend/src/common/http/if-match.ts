import { ValidationProblem } from '../errors/problem';

/**
 * The version an `If-Match` header asks for: `"3"`, `W/"3"` or `3`. Absent or `*` (any version)
 * gives undefined. The ETag of a versioned record (ticket, lead, SLA policy) is its quoted version.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  const value = header?.trim();
  if (!value || value === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!m) throw new ValidationProblem({ 'If-Match': 'If-Match must be the ETag of the record, e.g. "3"' }, 'Invalid If-Match header');
  return Number(m[1]);
}

export const etagOf = (version: number) => `"${version}"`;
