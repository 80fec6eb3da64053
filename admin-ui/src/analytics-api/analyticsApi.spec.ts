import { exportFileName } from './analyticsFetchers';
import { analyticsSearch } from './analyticsQuery';

describe('analyticsSearch', () => {
  it('always sends the period, agent and zone only when set, and the endpoint’s own parameters', () => {
    const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
    expect(analyticsSearch(period)).toBe('from=2026-03-01T00%3A00%3A00.000Z&to=2026-04-01T00%3A00%3A00.000Z');
    const full = new URLSearchParams(analyticsSearch({ ...period, agentId: 'u1', timezone: 'Europe/Berlin' }, { interval: 'week', report: 'agents', format: 'csv' }));
    expect(Object.fromEntries(full)).toEqual({ ...period, agentId: 'u1', timezone: 'Europe/Berlin', interval: 'week', report: 'agents', format: 'csv' });
    expect(new URLSearchParams(analyticsSearch({ ...period, agentId: null, timezone: null })).has('agentId')).toBe(false);
  });
});

describe('exportFileName', () => {
  it('takes the server’s file name without its extension, or the report’s name', () => {
    expect(exportFileName('attachment; filename="calls-20260301T000000Z-20260401T000000Z.csv"', 'calls')).toBe('calls-20260301T000000Z-20260401T000000Z');
    expect(exportFileName(null, 'agents')).toBe('agents');
    expect(exportFileName('attachment', 'tickets')).toBe('tickets');
  });
});
