import { normalizePhone } from '../common/phone/phone';
import { callSlots, pgArray, unknownNumbers } from './calls.seed';

describe('callSlots', () => {
  const now = new Date('2026-03-18T15:00:00Z');
  const slots = callSlots(now, 'America/New_York', 20_000, 90);

  it('spreads exactly the requested number of calls over 90 days × 24 hours before today (local)', () => {
    expect(slots.counts.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(slots.days).toHaveLength(90 * 24);
    expect(new Set(slots.days).size).toBe(90);
    expect(slots.days[0]).toBe('2025-12-18');
    expect(slots.days.at(-1)).toBe('2026-03-17');
  });

  it('puts far more calls on weekdays than at weekends, and into office hours than into the night', () => {
    const perDay = new Map<string, number>();
    slots.days.forEach((d, i) => perDay.set(d, (perDay.get(d) ?? 0) + slots.counts[i]));
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    const avg = (days: string[]) => days.reduce((s, d) => s + perDay.get(d)!, 0) / days.length;
    const all = [...perDay.keys()];
    expect(avg(all.filter((d) => weekday(d) >= 1 && weekday(d) <= 5))).toBeGreaterThan(3 * avg(all.filter((d) => weekday(d) === 0 || weekday(d) === 6)));
    const byHour = (h: number) => slots.counts.filter((_, i) => slots.hours[i] === h).reduce((a, b) => a + b, 0);
    expect(byHour(10)).toBeGreaterThan(20 * byHour(3));
  });
});

describe('unknownNumbers', () => {
  it('makes valid numbers of the country that no lead has', () => {
    const leads = ['+14155550132', '+12015550123'];
    const numbers = unknownNumbers(leads, 'US', 50);
    expect(numbers).toHaveLength(50);
    expect(new Set(numbers).size).toBe(50);
    for (const n of numbers) {
      expect(leads).not.toContain(n);
      expect(normalizePhone(n, 'US')).toBe(n);
    }
  });

  it('works without leads, from a few area codes', () => {
    expect(unknownNumbers([], 'DE', 10).every((n) => n.startsWith('+49'))).toBe(true);
  });
});

describe('pgArray', () => {
  it('quotes text and escapes quotes and backslashes', () => {
    expect(pgArray(['a b', 'say "hi"', 'back\\slash'])).toBe('{"a b","say \\"hi\\"","back\\\\slash"}');
    expect(pgArray([1, 2])).toBe('{1,2}');
  });
});
