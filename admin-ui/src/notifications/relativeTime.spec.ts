import { relativeTime } from './relativeTime';

describe('relativeTime', () => {
  // noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [-5_000, 'just now'],
    [60_000, '1 minute ago'],
    [45 * 60_000, '45 minutes ago'],
    [3 * 3_600_000, '3 hours ago'],
    [25 * 3_600_000, 'yesterday'],
    [4 * 86_400_000, '4 days ago'],
  ])('%i ms ago reads "%s"', (ms, text) => {
    expect(relativeTime(ago(ms), now)).toBe(text);
  });

  it('gives the date after a week, with the year only when it is not this year', () => {
    expect(relativeTime('2026-11-12T12:00:00.000Z', now)).toBe('Nov 12');
    expect(relativeTime('2025-11-12T12:00:00.000Z', now)).toBe('Nov 12, 2025');
  });
});
