import type { DataProvider } from 'react-admin';
import { breachingSoonToApi, isBreachingSoonSelected, toggleBreachingSoon, withBreachingSoonFilter } from './breachingSoon';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const IN_AN_HOUR = '2026-11-25T13:00:00.000Z';

describe('breaching soon', () => {
  it('asks the API for tickets due within the hour from now, or overdue', () => {
    expect(breachingSoonToApi({ breachingSoon: true, status: ['open'] }, NOW)).toEqual({ status: ['open'], slaNextDueAt_lte: IN_AN_HOUR });
  });

  it('keeps an earlier bound the user set, and leaves other filters alone when off', () => {
    expect(breachingSoonToApi({ breachingSoon: true, slaNextDueAt_lte: '2026-11-25T12:30:00.000Z' }, NOW)).toEqual({ slaNextDueAt_lte: '2026-11-25T12:30:00.000Z' });
    expect(breachingSoonToApi({ breachingSoon: true, slaNextDueAt_lte: '2026-11-26T00:00:00.000Z' }, NOW)).toEqual({ slaNextDueAt_lte: IN_AN_HOUR });
    expect(breachingSoonToApi({ q: 'printer' }, NOW)).toEqual({ q: 'printer' });
  });

  it('toggles on top of the other filters (a view, a search)', () => {
    const on = toggleBreachingSoon(true, { assigneeId: 'me', q: 'x' });
    expect(on).toEqual({ assigneeId: 'me', q: 'x', breachingSoon: true });
    expect(isBreachingSoonSelected(true, on)).toBe(true);
    expect(toggleBreachingSoon(true, on)).toEqual({ assigneeId: 'me', q: 'x' });
    expect(isBreachingSoonSelected(true, { assigneeId: 'me' })).toBe(false);
  });

  it('is computed when each request is made, for the tickets resource only', async () => {
    const seen: { resource: string; filter: unknown }[] = [];
    const base = {
      getList: async (resource: string, params: { filter: unknown }) => {
        seen.push({ resource, filter: params.filter });
        return { data: [], total: 0 };
      },
    } as unknown as DataProvider;
    let now = NOW;
    const provider = withBreachingSoonFilter(base, 'tickets', () => now);
    const params = { filter: { breachingSoon: true }, pagination: { page: 1, perPage: 25 }, sort: { field: 'slaNextDueAt', order: 'ASC' as const } };
    await provider.getList('tickets', params);
    now = new Date('2026-11-25T12:10:00.000Z');
    await provider.getList('tickets', params);
    await provider.getList('leads', params);
    expect(seen).toEqual([
      { resource: 'tickets', filter: { slaNextDueAt_lte: IN_AN_HOUR } },
      { resource: 'tickets', filter: { slaNextDueAt_lte: '2026-11-25T13:10:00.000Z' } },
      { resource: 'leads', filter: { breachingSoon: true } },
    ]);
  });
});
