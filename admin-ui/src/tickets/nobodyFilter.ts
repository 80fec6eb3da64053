import type { DataProvider } from 'react-admin';

/**
 * The filter value for "nobody" (unassigned ticket, lead without owner). react-admin drops null
 * filter values before they reach the data provider, so the UI filters with this string and the
 * data provider sends the API the null it understands.
 */
export const NOBODY = 'none';

/** `filter` with each of `fields` that holds NOBODY set to null; other values are left alone. */
export function nobodyToNull(filter: Record<string, unknown> | undefined, fields: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = { ...filter };
  for (const field of fields) if (result[field] === NOBODY) result[field] = null;
  return result;
}

/** `base` with NOBODY turned into null in `resource`'s list filters (getList, getManyReference). */
export function withNobodyFilters<D extends DataProvider>(base: D, resource: string, fields: readonly string[]): D {
  return {
    ...base,
    getList: (res, params) => base.getList(res, res === resource ? { ...params, filter: nobodyToNull(params.filter, fields) } : params),
    getManyReference: (res, params) =>
      base.getManyReference(res, res === resource ? { ...params, filter: nobodyToNull(params.filter, fields) } : params),
  };
}
