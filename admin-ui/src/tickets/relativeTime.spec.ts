import { relativeTime } from './relativeTime';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('relativeTime', () => {
  it.each([
    [10, 'just now'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [24 * 3600, 'yesterday'],
    [10 * 24 * 3600, 'last week'],
    [400 * 24 * 3600, 'last year'],
    [-2 * 3600, 'in 2 hours'],
  ])('%i s ago → %s', (seconds, text) => {
    expect(relativeTime(ago(seconds), now)).toBe(text);
  });

  it('gives nothing for an unreadable date', () => {
    expect(relativeTime('not a date', now)).toBe('');
  });
});
