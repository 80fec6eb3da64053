import type { CallSeriesBucket } from '../analytics-api';
import { hourlyRows, totals } from './hourlyComparison';

const bucket = (label: string, start: string, total: number): CallSeriesBucket => ({
  label,
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
  total,
  inbound: total,
  outbound: 0,
  answered: total,
  missed: 0,
  abandoned: 0,
  answerRate: total ? 1 : null,
  avgTalkSeconds: null,
  avgHandleSeconds: null,
});

/** A UTC day of hourly buckets with `counts[h]` calls at hour h. */
const day = (date: string, counts: Record<number, number> = {}) =>
  Array.from({ length: 24 }, (_, h) => {
    const hh = String(h).padStart(2, '0');
    return bucket(`${date}T${hh}:00`, `${date}T${hh}:00:00.000Z`, counts[h] ?? 0);
  });

describe('hourlyRows', () => {
  it('pairs each local hour of today with the same hour last week, and leaves hours to come empty', () => {
    const now = new Date('2026-11-26T10:15:00Z');
    const rows = hourlyRows(day('2026-11-26', { 9: 4, 10: 1 }), day('2026-11-19', { 9: 2, 10: 3, 15: 7 }), now);
    expect(rows).toHaveLength(24);
    expect(rows[0]).toEqual({ hour: '00:00', today: 0, lastWeek: 0 });
    expect(rows[9]).toEqual({ hour: '09:00', today: 4, lastWeek: 2 });
    // the hour in progress counts
    expect(rows[10]).toEqual({ hour: '10:00', today: 1, lastWeek: 3 });
    expect(rows[11]).toEqual({ hour: '11:00', today: null, lastWeek: 0 });
    expect(rows[15]).toEqual({ hour: '15:00', today: null, lastWeek: 7 });
    expect(totals(rows)).toEqual({ today: 5, lastWeekSoFar: 5 });
  });

  it('matches buckets by clock hour on DST days: the repeated hour is added up, the skipped one stays empty', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    // a 25-hour day: 01:00 twice
    const long = [bucket('2026-11-01T00:00', '2026-11-01T04:00:00Z', 1), bucket('2026-11-01T01:00', '2026-11-01T05:00:00Z', 2), bucket('2026-11-01T01:00', '2026-11-01T06:00:00Z', 3), bucket('2026-11-01T02:00', '2026-11-01T07:00:00Z', 4)];
    // a 23-hour day: no 02:00
    const short = [bucket('2026-03-08T01:00', '2026-03-08T06:00:00Z', 5), bucket('2026-03-08T03:00', '2026-03-08T07:00:00Z', 6)];
    const rows = hourlyRows(short, long, now);
    expect(rows.slice(0, 4).map((r) => [r.hour, r.today, r.lastWeek])).toEqual([
      ['00:00', null, 1],
      ['01:00', 5, 5],
      ['02:00', null, 4],
      ['03:00', 6, 0],
    ]);
  });

  it('ignores labels without a time', () => {
    expect(hourlyRows([bucket('2026-11-26', '2026-11-26T00:00:00Z', 9)], [], new Date('2026-11-27T00:00:00Z')).every((r) => r.today === null)).toBe(true);
  });
});
