import {
  addBusinessMinutes,
  businessMinutesBetween,
  NoOpenTimeError,
  nextOpening,
  weeklyOpenMinutes,
  type BusinessCalendarSpec,
  type OpeningInterval,
} from './business-time';
import { isIsoDate, isValidTimeZone, isWallTime, localDateOf, zonedWallTimeToInstant } from './zoned-time';

const at = (iso: string) => new Date(iso);
const days = (list: number[], start: string, end: string): OpeningInterval[] => list.map((weekday) => ({ weekday, start, end }));
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

function calendar(timezone: string, intervals: OpeningInterval[], holidays: BusinessCalendarSpec['holidays'] = []): BusinessCalendarSpec {
  return { timezone, intervals, holidays };
}

describe('zonedWallTimeToInstant', () => {
  it.each([
    ['Europe/Berlin', '2026-01-15', '09:00', '2026-01-15T08:00:00.000Z', 'winter time, UTC+1'],
    ['Europe/Berlin', '2026-07-15', '09:00', '2026-07-15T07:00:00.000Z', 'summer time, UTC+2'],
    ['Europe/Berlin', '2026-03-29', '01:30', '2026-03-29T00:30:00.000Z', 'just before spring-forward'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z', 'in the skipped hour: 03:30 new time'],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T01:00:00.000Z', 'right after the gap'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', 'in the repeated hour: the first one'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T02:00:00.000Z', 'after fall-back'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z', 'in the skipped hour: 03:30 EDT'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z', 'right after the gap'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', 'in the repeated hour: the EDT one'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00.000Z', 'after fall-back, EST'],
    ['America/New_York', '2026-06-30', '24:00', '2026-07-01T04:00:00.000Z', '24:00 is the next midnight'],
    ['UTC', '2028-02-29', '12:00', '2028-02-29T12:00:00.000Z', 'leap day'],
  ])('%s %s %s → %s (%s)', (tz, date, time, expected) => {
    expect(zonedWallTimeToInstant(date, time, tz).toISOString()).toBe(expected);
  });

  it('gives local dates and validates its inputs', () => {
    expect(localDateOf(Date.parse('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf(Date.parse('2026-03-28T23:30:00Z'), 'America/New_York')).toBe('2026-03-28');
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isWallTime('24:00')).toBe(true);
    expect(isWallTime('24:01')).toBe(false);
    expect(isWallTime('9:00')).toBe(false);
  });
});

describe('24/7 (no calendar)', () => {
  it('counts every minute, fractions included', () => {
    expect(addBusinessMinutes(at('2026-05-01T10:00:00Z'), 11.25, null).toISOString()).toBe('2026-05-01T10:11:15.000Z');
    expect(businessMinutesBetween(at('2026-05-01T10:00:00Z'), at('2026-05-01T12:30:00Z'), null)).toBe(150);
    expect(nextOpening(at('2026-05-01T03:00:00Z'), null).toISOString()).toBe('2026-05-01T03:00:00.000Z');
  });

  it('gives the start for zero minutes and 0 for an empty or reversed span', () => {
    expect(addBusinessMinutes(at('2026-05-01T10:00:00Z'), 0, null).toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(businessMinutesBetween(at('2026-05-01T12:00:00Z'), at('2026-05-01T10:00:00Z'), null)).toBe(0);
  });
});

describe('DST', () => {
  const berlinAllDay = calendar('Europe/Berlin', days(EVERY_DAY, '00:00', '24:00'));
  const newYorkAllDay = calendar('America/New_York', days(EVERY_DAY, '00:00', '24:00'));

  it('an all-day calendar counts real elapsed time across spring-forward (Berlin: a 23-hour day)', () => {
    expect(addBusinessMinutes(at('2026-03-28T23:00:00Z'), 24 * 60, berlinAllDay).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    const sunday = [zonedWallTimeToInstant('2026-03-29', '00:00', 'Europe/Berlin'), zonedWallTimeToInstant('2026-03-30', '00:00', 'Europe/Berlin')];
    expect(businessMinutesBetween(sunday[0], sunday[1], berlinAllDay)).toBe(23 * 60);
  });

  it('an all-day calendar counts the 25-hour fall-back day (New York)', () => {
    const sunday = [zonedWallTimeToInstant('2026-11-01', '00:00', 'America/New_York'), zonedWallTimeToInstant('2026-11-02', '00:00', 'America/New_York')];
    expect(businessMinutesBetween(sunday[0], sunday[1], newYorkAllDay)).toBe(25 * 60);
  });

  it('office hours keep their local times across spring-forward (Berlin, Fri → Mon)', () => {
    const office = calendar('Europe/Berlin', days(WEEKDAYS, '09:00', '17:00'));
    // Friday 16:00 CET + 2 h: 1 h on Friday, 1 h from Monday 09:00 CEST
    expect(addBusinessMinutes(at('2026-03-27T15:00:00Z'), 120, office).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(businessMinutesBetween(at('2026-03-27T15:00:00Z'), at('2026-03-30T08:00:00Z'), office)).toBe(120);
  });

  it('office hours keep their local times across fall-back (New York, Fri → Mon)', () => {
    const office = calendar('America/New_York', days(WEEKDAYS, '09:00', '17:00'));
    // Friday Oct 30 16:30 EDT + 60 min → Monday Nov 2 09:30 EST
    expect(addBusinessMinutes(at('2026-10-30T20:30:00Z'), 60, office).toISOString()).toBe('2026-11-02T14:30:00.000Z');
  });

  it('an overnight shift is 7 hours on the spring-forward night and 9 on the fall-back night (New York)', () => {
    const nights = calendar('America/New_York', days(EVERY_DAY, '22:00', '06:00'));
    const spring = businessMinutesBetween(zonedWallTimeToInstant('2026-03-07', '12:00', 'America/New_York'), zonedWallTimeToInstant('2026-03-08', '12:00', 'America/New_York'), nights);
    const fall = businessMinutesBetween(zonedWallTimeToInstant('2026-10-31', '12:00', 'America/New_York'), zonedWallTimeToInstant('2026-11-01', '12:00', 'America/New_York'), nights);
    expect(spring).toBe(7 * 60);
    expect(fall).toBe(9 * 60);
  });

  it('an opening in the skipped hour moves past the gap, keeping its length', () => {
    const odd = calendar('Europe/Berlin', [{ weekday: 0, start: '02:10', end: '02:50' }]);
    // Sunday 2026-03-29 02:10 does not exist: the opening is 03:10–03:50 CEST
    expect(nextOpening(at('2026-03-29T00:00:00Z'), odd).toISOString()).toBe('2026-03-29T01:10:00.000Z');
    expect(businessMinutesBetween(at('2026-03-28T22:00:00Z'), at('2026-03-29T22:00:00Z'), odd)).toBe(40);
  });
});

describe('opening intervals', () => {
  const split = calendar('America/New_York', [...days(WEEKDAYS, '09:00', '12:30'), ...days(WEEKDAYS, '13:30', '18:00')]);

  it('skips the lunch break of a split shift', () => {
    // Monday 12:00 EDT + 60: 30 min before lunch, 30 after 13:30 → 14:00 EDT
    expect(addBusinessMinutes(at('2026-06-01T16:00:00Z'), 60, split).toISOString()).toBe('2026-06-01T18:00:00.000Z');
    expect(businessMinutesBetween(at('2026-06-01T13:00:00Z'), at('2026-06-01T22:00:00Z'), split)).toBe(8 * 60);
  });

  it('counts from the next opening when started outside opening hours, and ends exactly at a closing time', () => {
    // Saturday → Monday 09:00 EDT; a whole day's 480 minutes end at Monday 18:00
    expect(nextOpening(at('2026-06-06T15:00:00Z'), split).toISOString()).toBe('2026-06-08T13:00:00.000Z');
    expect(addBusinessMinutes(at('2026-06-06T15:00:00Z'), 480, split).toISOString()).toBe('2026-06-08T22:00:00.000Z');
    expect(nextOpening(at('2026-06-08T14:00:00Z'), split).toISOString()).toBe('2026-06-08T14:00:00.000Z');
  });

  it('an interval crossing midnight runs into the next day', () => {
    const nights = calendar('UTC', days([1], '22:00', '06:00'));
    // Monday 2026-06-01 22:00 → Tuesday 06:00
    expect(businessMinutesBetween(at('2026-06-01T00:00:00Z'), at('2026-06-03T00:00:00Z'), nights)).toBe(8 * 60);
    expect(addBusinessMinutes(at('2026-06-02T05:00:00Z'), 90, nights).toISOString()).toBe('2026-06-08T22:30:00.000Z');
  });

  it('overlapping intervals add up to one opening', () => {
    const overlap = calendar('UTC', [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }, { weekday: 0, start: '20:00', end: '10:00' }]);
    // Sunday 20:00 → Monday 10:00 merges with Monday 09:00–13:00: 17 hours in one piece
    expect(businessMinutesBetween(at('2026-05-31T00:00:00Z'), at('2026-06-02T00:00:00Z'), overlap)).toBe(17 * 60);
    expect(addBusinessMinutes(at('2026-05-31T20:00:00Z'), 16 * 60, overlap).toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });
});

describe('holidays', () => {
  const office = calendar('UTC', days(WEEKDAYS, '09:00', '17:00'), [
    { from: '2026-12-24', to: '2026-12-26', name: 'Christmas' },
    { from: '2026-12-31', to: '2026-12-31', name: "New Year's Eve" },
  ]);

  it('skips a range of holidays', () => {
    // Wed 23 Dec 16:00 + 120: 60 that day, Thu 24 and Fri 25 closed, weekend, Mon 28 09:00 + 60
    expect(addBusinessMinutes(at('2026-12-23T16:00:00Z'), 120, office).toISOString()).toBe('2026-12-28T10:00:00.000Z');
  });

  it('skips a single-day holiday', () => {
    // Mon 28 – Wed 30 full days (3 × 480), Thu 31 closed, Fri Jan 1 09:00 + 30
    expect(addBusinessMinutes(at('2026-12-28T09:00:00Z'), 3 * 480 + 30, office).toISOString()).toBe('2027-01-01T09:30:00.000Z');
    // two weeks: Mon 21–Wed 23, Mon 28–Wed 30 and Fri 1 are open
    expect(businessMinutesBetween(at('2026-12-21T00:00:00Z'), at('2027-01-02T00:00:00Z'), office)).toBe(7 * 480);
  });

  it('a holiday closes the overnight opening that starts on it, not the one that ends on it', () => {
    const nights = (holiday: string) => calendar('UTC', days([1], '22:00', '06:00'), [{ from: holiday, to: holiday }]);
    const week = [at('2026-06-01T00:00:00Z'), at('2026-06-03T00:00:00Z')] as const;
    expect(businessMinutesBetween(week[0], week[1], nights('2026-06-01'))).toBe(0);
    expect(businessMinutesBetween(week[0], week[1], nights('2026-06-02'))).toBe(8 * 60);
  });
});

describe('a calendar without open time', () => {
  it('is recognised before saving (no intervals)', () => {
    expect(weeklyOpenMinutes([])).toBe(0);
    expect(weeklyOpenMinutes([...days(WEEKDAYS, '09:00', '12:30'), ...days(WEEKDAYS, '13:30', '18:00')])).toBe(5 * 480);
    expect(weeklyOpenMinutes(days([1], '22:00', '06:00'))).toBe(480);
  });

  it('throws instead of looping forever', () => {
    const never = calendar('UTC', []);
    expect(() => addBusinessMinutes(at('2026-01-01T00:00:00Z'), 1, never)).toThrow(NoOpenTimeError);
    const closedForYears = calendar('UTC', days(WEEKDAYS, '09:00', '17:00'), [{ from: '2026-01-01', to: '2030-12-31' }]);
    expect(() => nextOpening(at('2026-01-01T00:00:00Z'), closedForYears)).toThrow(NoOpenTimeError);
    // counting between two instants never looks past the second one
    expect(businessMinutesBetween(at('2026-02-01T00:00:00Z'), at('2026-03-01T00:00:00Z'), closedForYears)).toBe(0);
  });
});

describe('addBusinessMinutes and businessMinutesBetween agree', () => {
  const cals = [
    calendar('Europe/Berlin', [...days(WEEKDAYS, '09:00', '12:30'), ...days(WEEKDAYS, '13:30', '18:00')], [{ from: '2026-04-03', to: '2026-04-06' }]),
    calendar('America/New_York', [...days(EVERY_DAY, '22:00', '06:00'), ...days([6], '10:00', '14:00')]),
  ];
  // a fixed pseudo-random walk over spring and autumn, so failures reproduce
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it.each(cals.map((c) => [c.timezone, c] as const))('in %s, between(start, add(start, m)) = m', (_tz, cal) => {
    for (let i = 0; i < 300; i++) {
      const start = new Date(Date.parse('2026-02-15T00:00:00Z') + Math.floor(rand() * 280 * 86_400_000));
      const minutes = Math.round(rand() * 6000 * 4) / 4;
      const due = addBusinessMinutes(start, minutes, cal);
      expect(businessMinutesBetween(start, due, cal)).toBeCloseTo(minutes, 6);
    }
  });
});
