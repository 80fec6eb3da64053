import { lastDaysSoFar, todayAndSameDayLastWeek, todayKey, todaySoFar, weekdayName } from './dashboardPeriods';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('todaySoFar', () => {
  it("runs from the tenant's midnight to now, and yesterday over the same span", () => {
    // 14:30 in Berlin (UTC+1 in November)
    const now = new Date('2026-11-26T13:30:00Z');
    expect(todaySoFar(now, BERLIN)).toEqual({
      today: { from: '2026-11-25T23:00:00.000Z', to: '2026-11-26T13:30:00.000Z' },
      yesterday: { from: '2026-11-24T23:00:00.000Z', to: '2026-11-25T13:30:00.000Z' },
    });
  });

  it("uses the tenant's date, not UTC's: 01:00 UTC is still the evening before in New York", () => {
    const now = new Date('2026-11-26T01:00:00Z');
    expect(todaySoFar(now, NEW_YORK).today).toEqual({ from: '2026-11-25T05:00:00.000Z', to: '2026-11-26T01:00:00.000Z' });
    expect(todayKey(now, NEW_YORK)).toBe('2026-11-25');
    expect(todayKey(now, BERLIN)).toBe('2026-11-26');
  });

  it('compares the same elapsed time on the day after a DST change', () => {
    // Berlin moved from UTC+1 to UTC+2 on 2026-03-29; at 12:00 local on the 30th, 12 hours have passed
    const { today, yesterday } = todaySoFar(new Date('2026-03-30T10:00:00Z'), BERLIN);
    expect(today).toEqual({ from: '2026-03-29T22:00:00.000Z', to: '2026-03-30T10:00:00.000Z' });
    // the 29th began at 23:00 UTC the day before (still UTC+1)
    expect(yesterday).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T11:00:00.000Z' });
  });

  it('never ends where it starts, at midnight exactly', () => {
    const { today } = todaySoFar(new Date('2026-11-25T23:00:00Z'), BERLIN);
    expect(Date.parse(today.to) - Date.parse(today.from)).toBe(1000);
  });
});

describe('todayAndSameDayLastWeek', () => {
  it('gives both whole local days', () => {
    expect(todayAndSameDayLastWeek(new Date('2026-11-26T13:30:00Z'), BERLIN)).toEqual({
      today: { from: '2026-11-25T23:00:00.000Z', to: '2026-11-26T23:00:00.000Z' },
      lastWeek: { from: '2026-11-18T23:00:00.000Z', to: '2026-11-19T23:00:00.000Z' },
    });
  });

  it('spans 25 hours on the day clocks go back', () => {
    // New York fell back on 2026-11-01; a week later the comparison day is that long Sunday
    const { lastWeek } = todayAndSameDayLastWeek(new Date('2026-11-08T15:00:00Z'), NEW_YORK);
    expect(lastWeek).toEqual({ from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' });
  });
});

describe('lastDaysSoFar', () => {
  it('starts at the midnight six days before today (seven days with today) and ends now', () => {
    expect(lastDaysSoFar(new Date('2026-11-26T13:30:00Z'), BERLIN)).toEqual({ from: '2026-11-19T23:00:00.000Z', to: '2026-11-26T13:30:00.000Z' });
  });
});

it('weekdayName names the local weekday', () => {
  // Thursday 01:00 UTC is Wednesday evening in New York
  expect(weekdayName(new Date('2026-11-26T01:00:00Z'), NEW_YORK)).toBe('Wednesday');
  expect(weekdayName(new Date('2026-11-26T01:00:00Z'), BERLIN)).toBe('Thursday');
});
