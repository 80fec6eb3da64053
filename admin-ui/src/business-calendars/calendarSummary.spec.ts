import { alwaysOpen } from './calendarForm';
import { openingSummary } from './calendarSummary';

const day = (weekday: number, ...ranges: [string, string][]) => ranges.map(([start, end]) => ({ weekday, start, end }));

describe('openingSummary', () => {
  it('merges consecutive days with the same hours, split shifts included', () => {
    const week = [1, 2, 3, 4, 5].flatMap((d) => day(d, ['13:30', '18:00'], ['09:00', '12:30']));
    expect(openingSummary([...week, ...day(6, ['10:00', '14:00'])])).toBe('Mon–Fri 09:00–12:30, 13:30–18:00 · Sat 10:00–14:00');
  });

  it('does not merge days around a closed one, and lists Sunday last', () => {
    expect(openingSummary([...day(1, ['09:00', '17:00']), ...day(3, ['09:00', '17:00']), ...day(0, ['22:00', '06:00'])])).toBe(
      'Mon 09:00–17:00 · Wed 09:00–17:00 · Sun 22:00–06:00',
    );
  });

  it('says 24/7 and never open', () => {
    expect(openingSummary(alwaysOpen())).toBe('24/7');
    expect(openingSummary([])).toBe('Never open');
  });
});
