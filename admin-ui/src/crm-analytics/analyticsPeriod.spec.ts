import { allowedIntervals, defaultInterval, effectiveInterval, readPageState, resolvePeriod, writePageState, type AnalyticsPageState } from './analyticsPeriod';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const state = (preset: AnalyticsPageState['preset'], from: string | null = null, to: string | null = null) => ({ preset, from, to });
const period = (s: ReturnType<typeof state>, now: string, zone: string) => {
  const p = resolvePeriod(s, new Date(now), zone);
  if ('error' in p) throw new Error(p.error);
  return p;
};

describe('resolvePeriod', () => {
  it('takes "today" in the tenant’s zone, not UTC’s: 23:30 UTC is already tomorrow in Berlin', () => {
    expect(period(state('today'), '2026-03-10T23:30:00Z', BERLIN)).toMatchObject({
      days: 1,
      from: '2026-03-10T23:00:00.000Z',
      to: '2026-03-11T23:00:00.000Z',
    });
    expect(period(state('today'), '2026-03-10T23:30:00Z', NEW_YORK)).toMatchObject({ from: '2026-03-10T04:00:00.000Z', to: '2026-03-11T04:00:00.000Z' });
  });

  it('counts the last N days with today included, from local midnights across a DST change', () => {
    // Berlin moves to summer time on 29 March 2026: the first midnight is at +01:00, the end at +02:00
    const p = period(state('last7'), '2026-04-02T10:00:00Z', BERLIN);
    expect(p).toMatchObject({ days: 7, from: '2026-03-26T23:00:00.000Z', to: '2026-04-02T22:00:00.000Z' });
    expect(period(state('last30'), '2026-04-02T10:00:00Z', BERLIN)).toMatchObject({ days: 30, from: '2026-03-03T23:00:00.000Z' });
    expect(period(state('last90'), '2026-04-02T10:00:00Z', 'UTC')).toMatchObject({ days: 90, from: '2026-01-03T00:00:00.000Z', to: '2026-04-03T00:00:00.000Z' });
  });

  it('takes this month up to today, and the whole of last month (across a year end)', () => {
    expect(period(state('thisMonth'), '2026-03-10T12:00:00Z', 'UTC')).toMatchObject({ days: 10, from: '2026-03-01T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' });
    expect(period(state('lastMonth'), '2026-01-15T12:00:00Z', 'UTC')).toMatchObject({ days: 31, from: '2025-12-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' });
    expect(period(state('lastMonth'), '2026-03-01T00:30:00+01:00', BERLIN)).toMatchObject({ days: 28, from: '2026-01-31T23:00:00.000Z', to: '2026-02-28T23:00:00.000Z' });
  });

  it('takes a custom range as whole local days, the last one included', () => {
    expect(period(state('custom', '2026-03-28', '2026-03-29'), '2026-05-01T00:00:00Z', BERLIN)).toMatchObject({
      days: 2,
      from: '2026-03-27T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });

  it('says what is wrong with a custom range: missing or impossible days, the wrong order, over 400 days', () => {
    const error = (from: string | null, to: string | null) => (resolvePeriod(state('custom', from, to), new Date(), 'UTC') as { error?: string }).error;
    expect(error(null, '2026-03-01')).toMatch(/first and the last day/);
    expect(error('2026-02-30', '2026-03-01')).toMatch(/first and the last day/);
    expect(error('2026-03-02', '2026-03-01')).toMatch(/must not be before/);
    expect(error('2025-01-01', '2026-02-05')).toMatch(/at most 400 days; this one has 401/);
    expect(error('2025-01-01', '2026-02-04')).toBeUndefined();
  });
});

describe('intervals', () => {
  it('defaults to hours for a day or two, days up to two months, weeks up to half a year, then months', () => {
    expect([1, 2, 3, 30, 62, 63, 90, 180, 181, 400].map(defaultInterval)).toEqual(['hour', 'hour', 'day', 'day', 'day', 'week', 'week', 'week', 'month', 'month']);
  });

  it('offers hours only up to 31 days (the API’s limit), and falls back to the default otherwise', () => {
    expect(allowedIntervals(31)).toEqual(['hour', 'day', 'week', 'month']);
    expect(allowedIntervals(32)).toEqual(['day', 'week', 'month']);
    expect(effectiveInterval('hour', 90)).toBe('week');
    expect(effectiveInterval('month', 7)).toBe('month');
    expect(effectiveInterval(null, 7)).toBe('day');
  });
});

describe('page state in the URL', () => {
  it('round-trips through the query, leaving out defaults', () => {
    const s: AnalyticsPageState = { preset: 'custom', from: '2026-03-01', to: '2026-03-31', interval: 'week', agentId: 'u1' };
    const params = writePageState(s);
    expect(params.toString()).toBe('range=custom&from=2026-03-01&to=2026-03-31&interval=week&agent=u1');
    expect(readPageState(params)).toEqual(s);
    expect(writePageState({ preset: 'last30', from: '2026-03-01', to: null, interval: null, agentId: null }).toString()).toBe('');
  });

  it('reads unknown presets and intervals as the defaults', () => {
    expect(readPageState(new URLSearchParams('range=forever&interval=decade&agent='))).toEqual({ preset: 'last30', from: null, to: null, interval: null, agentId: null });
  });
});
