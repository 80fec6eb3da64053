import { WEEKDAYS } from './calendarForm';
import type { OpeningInterval } from './types';

const SHORT: Record<number, string> = { 0: 'Sun', 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat' };

/**
 * The opening hours in one line for the list, consecutive days with the same hours merged:
 * "Mon–Fri 09:00–12:30, 13:30–18:00 · Sat 10:00–14:00"; "24/7" when every day is whole.
 */
export function openingSummary(intervals: readonly OpeningInterval[]): string {
  const hoursOf = (weekday: number) =>
    intervals
      .filter((i) => i.weekday === weekday)
      .map((i) => `${i.start}–${i.end}`)
      .sort()
      .join(', ');
  const days = WEEKDAYS.map(({ weekday }) => ({ weekday, hours: hoursOf(weekday) }));
  if (days.every((d) => d.hours === '00:00–24:00')) return '24/7';
  const runs: { first: number; last: number; hours: string }[] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.hours === day.hours) run.last = day.weekday;
    else runs.push({ first: day.weekday, last: day.weekday, hours: day.hours });
  }
  const open = runs.filter((r) => r.hours);
  if (open.length === 0) return 'Never open';
  return open.map((r) => `${SHORT[r.first]}${r.first === r.last ? '' : `–${SHORT[r.last]}`} ${r.hours}`).join(' · ');
}
