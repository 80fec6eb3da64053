import type { DataProvider } from 'react-admin';

/**
 * "Breaching soon": tickets whose next SLA due time is within the hour or already passed. The UI
 * keeps the relative filter `{ breachingSoon: true }` (in the URL and in saved queries, so it
 * stays "the next hour" whenever it is used) and the data provider turns it into the API's
 * `slaNextDueAt_lte` at the moment of each request.
 */
export const BREACHING_SOON = 'breachingSoon';
export const BREACHING_SOON_WINDOW_MS = 60 * 60_000;
/** The list's order while the filter is on: due soonest (most overdue) first. */
export const BREACHING_SOON_SORT = { field: 'slaNextDueAt', order: 'ASC' } as const;

export const isBreachingSoonSelected = (_value: unknown, filters: Record<string, unknown>): boolean => filters[BREACHING_SOON] === true;

/** Turns the filter on (keeping every other filter), or off when it is on. */
export function toggleBreachingSoon(_value: unknown, filters: Record<string, unknown>): Record<string, unknown> {
  const { [BREACHING_SOON]: on, ...rest } = filters;
  return on === true ? rest : { ...rest, [BREACHING_SOON]: true };
}

/** The API filter for `filter` at `now`: `breachingSoon` becomes `slaNextDueAt_lte` (an earlier bound already set wins). */
export function breachingSoonToApi(filter: Record<string, unknown> | undefined, now: Date): Record<string, unknown> {
  const { [BREACHING_SOON]: on, ...rest } = filter ?? {};
  if (on !== true) return rest;
  const bound = new Date(now.getTime() + BREACHING_SOON_WINDOW_MS).toISOString();
  const existing = typeof rest.slaNextDueAt_lte === 'string' ? rest.slaNextDueAt_lte : null;
  return { ...rest, slaNextDueAt_lte: existing && Date.parse(existing) < Date.parse(bound) ? existing : bound };
}

/** `base` with the breaching-soon filter of `resource`'s lists turned into the API's. */
export function withBreachingSoonFilter<D extends DataProvider>(base: D, resource: string, now: () => Date = () => new Date()): D {
  return {
    ...base,
    getList: (res, params) => base.getList(res, res === resource ? { ...params, filter: breachingSoonToApi(params.filter, now()) } : params),
    getManyReference: (res, params) =>
      base.getManyReference(res, res === resource ? { ...params, filter: breachingSoonToApi(params.filter, now()) } : params),
  };
}
