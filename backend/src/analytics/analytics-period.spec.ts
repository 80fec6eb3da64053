import { ProblemException } from '../common/errors/problem';
import { MAX_HOURLY_DAYS, MAX_PERIOD_DAYS, parsePeriod } from './analytics-period';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function problemOf(fn: () => unknown): { status: number; errors: Record<string, string> } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProblemException) return e.getResponse() as { status: number; errors: Record<string, string> };
    throw e;
  }
  throw new Error('expected a problem');
}

describe('parsePeriod', () => {
  it('gives the period and the previous one of equal length, ending where it starts', () => {
    const p = parsePeriod('2026-03-01T00:00:00Z', '2026-03-08T12:00:00+02:00');
    expect(p.current).toEqual({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-08T10:00:00Z') });
    expect(p.previous).toEqual({ from: new Date('2026-02-21T14:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });
  });

  it('refuses a period that does not end after it starts, naming `to`', () => {
    expect(problemOf(() => parsePeriod('2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'))).toMatchObject({ status: 400, errors: { to: 'must be after from' } });
    expect(problemOf(() => parsePeriod('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z')).errors).toHaveProperty('to');
  });

  it('allows exactly 400 days, not a millisecond more', () => {
    const from = Date.parse('2025-01-01T00:00:00Z');
    expect(() => parsePeriod(iso(from), iso(from + MAX_PERIOD_DAYS * DAY))).not.toThrow();
    expect(problemOf(() => parsePeriod(iso(from), iso(from + MAX_PERIOD_DAYS * DAY + 1))).errors.to).toContain('400 days');
  });

  it('allows hourly buckets over at most 31 days', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    expect(() => parsePeriod(iso(from), iso(from + MAX_HOURLY_DAYS * DAY), 'hour')).not.toThrow();
    expect(problemOf(() => parsePeriod(iso(from), iso(from + MAX_HOURLY_DAYS * DAY + 1), 'hour')).errors).toHaveProperty('interval');
    expect(() => parsePeriod(iso(from), iso(from + 300 * DAY), 'day')).not.toThrow();
  });
});
