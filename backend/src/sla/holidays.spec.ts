import { easterSunday, germanNationalHolidays, nationalHolidays, usFederalHolidays } from './holidays';

const dates = (list: { from: string; to: string }[]) => list.map((h) => (h.from === h.to ? h.from : `${h.from}..${h.to}`));

describe('holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(expected);
  });

  it('US federal holidays of 2026 on their observed dates', () => {
    expect(dates(usFederalHolidays(2026))).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', // July 4 is a Saturday
      '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ]);
  });

  it('a Sunday holiday is observed on Monday, a Saturday New Year on the Friday before', () => {
    expect(usFederalHolidays(2027).find((h) => h.name === 'Independence Day')?.from).toBe('2027-07-05');
    expect(usFederalHolidays(2022).find((h) => h.name === "New Year's Day")?.from).toBe('2021-12-31');
  });

  it('German national holidays of 2026, Easter-based ones included', () => {
    expect(dates(germanNationalHolidays(2026))).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25..2026-12-26',
    ]);
  });

  it('by country, for several years; none for other countries', () => {
    expect(nationalHolidays('DE', [2026, 2027])).toHaveLength(16);
    expect(nationalHolidays('FR', [2026])).toEqual([]);
  });
});
