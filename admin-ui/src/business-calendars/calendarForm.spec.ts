import {
  alwaysOpen,
  calendarToApi,
  copyDay,
  holidayToApi,
  intervalMinutes,
  isOvernight,
  validateEnd,
  validateHolidayTo,
  validateStart,
  weeklyOpenMinutes,
  WEEKDAYS,
} from './calendarForm';

describe('opening intervals', () => {
  it('checks times as the API does', () => {
    expect(validateStart('09:00')).toBeUndefined();
    expect(validateStart('9:00')).toMatch(/HH:mm/);
    expect(validateStart('24:00')).toMatch(/before 24:00/);
    expect(validateStart('')).toBe('Required');
    expect(validateEnd('24:00', '00:00')).toBeUndefined();
    expect(validateEnd('17:30', '09:00')).toBeUndefined();
    expect(validateEnd('06:00', '22:00')).toBeUndefined();
    expect(validateEnd('09:00', '09:00')).toMatch(/differ from start/);
    expect(validateEnd('00:00', '00:00')).toMatch(/differ from start/);
    expect(validateEnd('25:00', '09:00')).toMatch(/HH:mm/);
  });

  it('counts overnight intervals into the next day', () => {
    expect(isOvernight({ start: '22:00', end: '06:00' })).toBe(true);
    expect(isOvernight({ start: '09:00', end: '17:00' })).toBe(false);
    expect(isOvernight({ start: '09:00', end: '24:00' })).toBe(false);
    expect(intervalMinutes({ start: '22:00', end: '06:00' })).toBe(8 * 60);
    expect(intervalMinutes({ start: '00:00', end: '24:00' })).toBe(24 * 60);
    expect(intervalMinutes({ start: '09:00', end: '12:30' })).toBe(210);
    expect(intervalMinutes({ start: '09:00', end: '09:00' })).toBe(0);
  });

  it('finds a calendar that is never open (the API refuses it)', () => {
    expect(weeklyOpenMinutes([])).toBe(0);
    expect(weeklyOpenMinutes(null)).toBe(0);
    expect(weeklyOpenMinutes([{ start: '09:00', end: '09:00' }])).toBe(0);
    expect(weeklyOpenMinutes([{ start: '09:00', end: '12:30' }, { start: '13:30', end: '18:00' }])).toBe(210 + 270);
  });

  it('fills every day 00:00–24:00 for 24/7', () => {
    const week = alwaysOpen();
    expect(week.map((i) => i.weekday).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weeklyOpenMinutes(week)).toBe(7 * 24 * 60);
    expect(WEEKDAYS.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });

  it("copies one day's hours over others, leaving the rest alone", () => {
    const monday = [
      { weekday: 1, start: '09:00', end: '12:30' },
      { weekday: 1, start: '13:30', end: '18:00' },
    ];
    const result = copyDay([...monday, { weekday: 2, start: '10:00', end: '11:00' }, { weekday: 6, start: '10:00', end: '14:00' }], 1, [1, 2, 3]);
    expect(result).toEqual([
      ...monday,
      { weekday: 6, start: '10:00', end: '14:00' },
      { weekday: 2, start: '09:00', end: '12:30' },
      { weekday: 2, start: '13:30', end: '18:00' },
      { weekday: 3, start: '09:00', end: '12:30' },
      { weekday: 3, start: '13:30', end: '18:00' },
    ]);
  });
});

describe('holidays', () => {
  it('sends a row without an end as a single day, and drops a blank name', () => {
    expect(holidayToApi({ from: '2026-12-24', to: '', name: '  ' })).toEqual({ from: '2026-12-24', to: '2026-12-24' });
    expect(holidayToApi({ from: '2026-12-24', to: null, name: 'Christmas Eve' })).toEqual({ from: '2026-12-24', to: '2026-12-24', name: 'Christmas Eve' });
    expect(holidayToApi({ from: '2026-12-24', to: '2026-12-26', name: ' Christmas ' })).toEqual({ from: '2026-12-24', to: '2026-12-26', name: 'Christmas' });
  });

  it('checks a range as the API does', () => {
    expect(validateHolidayTo('', '2026-12-24')).toBeUndefined();
    expect(validateHolidayTo('2026-12-24', '2026-12-24')).toBeUndefined();
    expect(validateHolidayTo('2026-12-23', '2026-12-24')).toMatch(/Not before/);
    expect(validateHolidayTo('2027-12-24', '2026-12-24')).toBeUndefined();
    expect(validateHolidayTo('2027-12-25', '2026-12-24')).toMatch(/At most 366 days/);
  });

  it('keeps the order of rows, so that the API errors by index land on the right row', () => {
    const api = calendarToApi({
      name: 'Office',
      intervals: [{ weekday: 5, start: '09:00', end: '17:00' }, { weekday: 1, start: '09:00', end: '17:00' }],
      holidays: [{ from: '2026-12-31', to: '' }, { from: '2026-01-01', to: '2026-01-02', name: 'New year' }],
    });
    expect(api.intervals.map((i) => i.weekday)).toEqual([5, 1]);
    expect(api.holidays).toEqual([{ from: '2026-12-31', to: '2026-12-31' }, { from: '2026-01-01', to: '2026-01-02', name: 'New year' }]);
    expect(calendarToApi({ name: 'Empty', intervals: null, holidays: null })).toMatchObject({ intervals: [], holidays: [] });
  });
});
