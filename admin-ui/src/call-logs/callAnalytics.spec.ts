import { analyticsKey, analyticsScope, chartRows, dayLabel, DEFAULT_DAYS, percent, periodLabel, type CallBucket } from './callAnalytics';

const USER = '33333333-3333-4333-8333-333333333333';
const AGENT = '44444444-4444-4444-8444-444444444444';
const ZONE = 'Europe/Berlin';
const NOW = new Date(2026, 2, 31, 12, 0);
const scopeOf = (filter: Record<string, unknown>, now = NOW) => analyticsScope(filter, USER, now, ZONE);

describe('analyticsScope', () => {
  it("takes the list's period and agent, and the browser's zone", () => {
    expect(scopeOf({ startedAt_gte: '2026-03-01T08:00:00.000Z', startedAt_lte: '2026-03-08T08:00:00.000Z', agentId: AGENT, outcome: ['missed'] })).toEqual({
      from: '2026-03-01T08:00:00.000Z',
      to: '2026-03-08T08:00:00.000Z',
      agentId: AGENT,
      timezone: ZONE,
      defaultFrom: false,
      defaultTo: false,
    });
  });

  it('resolves "me" to the user', () => {
    expect(scopeOf({ agentId: 'me' }).agentId).toBe(USER);
  });

  it(`defaults to the ${DEFAULT_DAYS} local days up to the end of today, the same value all day long`, () => {
    const morning = scopeOf({}, new Date(2026, 2, 31, 0, 5));
    const evening = scopeOf({}, new Date(2026, 2, 31, 23, 55));
    expect(morning).toEqual(evening);
    expect(morning).toMatchObject({ from: new Date(2026, 2, 2).toISOString(), to: new Date(2026, 3, 1).toISOString(), agentId: null, defaultFrom: true, defaultTo: true });
    // same scope, same query key: the figures are not fetched again on every render
    expect(analyticsKey('summary', morning)).toEqual(analyticsKey('summary', evening));
  });

  it(`counts ${DEFAULT_DAYS} days back from a set end, and runs a set start to the end of today`, () => {
    const until = scopeOf({ startedAt_lte: new Date(2026, 2, 8, 15).toISOString() });
    expect(until).toMatchObject({ from: new Date(2026, 1, 6).toISOString(), to: new Date(2026, 2, 8, 15).toISOString(), defaultFrom: true, defaultTo: false });
    const since = scopeOf({ startedAt_gte: new Date(2026, 2, 20, 9).toISOString() });
    expect(since).toMatchObject({ from: new Date(2026, 2, 20, 9).toISOString(), to: new Date(2026, 3, 1).toISOString(), defaultFrom: false, defaultTo: true });
  });

  it('ends a start in the future a day later, so that the period never ends before it starts', () => {
    const scope = scopeOf({ startedAt_gte: new Date(2026, 4, 2, 9).toISOString() });
    expect(scope.to).toBe(new Date(2026, 4, 3).toISOString());
  });
});

describe('dayLabel and chartRows', () => {
  it("shows a bucket's local start as that calendar day in any browser zone", () => {
    expect(dayLabel('2026-03-01T00:00', 'en-US')).toBe('Mar 1');
    expect(dayLabel('2026-03-01', 'en-US')).toBe('Mar 1');
    expect(dayLabel('unknown', 'en-US')).toBe('unknown');
  });

  it('stacks inbound answered, inbound not answered (abandoned included) and outbound', () => {
    const bucket: CallBucket = { label: '2026-03-01T00:00', total: 9, inbound: 7, outbound: 2, answered: 4, missed: 2, abandoned: 1, answerRate: 4 / 7, avgTalkSeconds: 61 };
    expect(chartRows([bucket], 'en-US')).toEqual([{ day: 'Mar 1', answered: 4, missed: 3, outbound: 2 }]);
  });
});

describe('periodLabel and percent', () => {
  const base = { agentId: null, timezone: ZONE };
  it('names the period', () => {
    const from = new Date(2026, 2, 1, 9).toISOString();
    const to = new Date(2026, 2, 8, 17).toISOString();
    expect(periodLabel({ ...base, from, to, defaultFrom: true, defaultTo: true })).toBe(`Last ${DEFAULT_DAYS} days`);
    expect(periodLabel({ ...base, from, to, defaultFrom: false, defaultTo: true }, 'en-US')).toBe('Since Mar 1, 2026, 9:00 AM');
    expect(periodLabel({ ...base, from, to, defaultFrom: true, defaultTo: false }, 'en-US')).toBe(`${DEFAULT_DAYS} days until Mar 8, 2026, 5:00 PM`);
    expect(periodLabel({ ...base, from, to, defaultFrom: false, defaultTo: false }, 'en-US')).toBe('Mar 1, 2026, 9:00 AM – Mar 8, 2026, 5:00 PM');
  });

  it('rounds a rate to whole percent', () => {
    expect(percent(0.7349)).toBe('73%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });
});
