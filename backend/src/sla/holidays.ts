import type { HolidayRange } from './business-time';

/** National public holidays, computed (no data files), for the demo tenants' business calendars. */

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const single = (d: Date, name: string): HolidayRange => ({ from: ymd(d), to: ymd(d), name });

/** The `n`th (1-based) `weekday` (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n > 0) {
    const first = day(year, month, 1);
    return plusDays(first, ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
  }
  const last = day(year, month + 1, 0);
  return plusDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

/** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return day(year, month, date);
}

/** A fixed-date federal holiday falling on a weekend is observed on the Friday before or the Monday after. */
function observed(d: Date): Date {
  const weekday = d.getUTCDay();
  return weekday === 6 ? plusDays(d, -1) : weekday === 0 ? plusDays(d, 1) : d;
}

/** The eleven US federal holidays of `year`, on their observed dates (5 U.S.C. 6103). */
export function usFederalHolidays(year: number): HolidayRange[] {
  return [
    single(observed(day(year, 1, 1)), "New Year's Day"),
    single(nthWeekday(year, 1, 1, 3), 'Birthday of Martin Luther King, Jr.'),
    single(nthWeekday(year, 2, 1, 3), "Washington's Birthday"),
    single(nthWeekday(year, 5, 1, -1), 'Memorial Day'),
    single(observed(day(year, 6, 19)), 'Juneteenth National Independence Day'),
    single(observed(day(year, 7, 4)), 'Independence Day'),
    single(nthWeekday(year, 9, 1, 1), 'Labor Day'),
    single(nthWeekday(year, 10, 1, 2), 'Columbus Day'),
    single(observed(day(year, 11, 11)), 'Veterans Day'),
    single(nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'),
    single(observed(day(year, 12, 25)), 'Christmas Day'),
  ];
}

/** The nine public holidays that all German states share; Christmas as one range. */
export function germanNationalHolidays(year: number): HolidayRange[] {
  const easter = easterSunday(year);
  return [
    single(day(year, 1, 1), 'Neujahr'),
    single(plusDays(easter, -2), 'Karfreitag'),
    single(plusDays(easter, 1), 'Ostermontag'),
    single(day(year, 5, 1), 'Tag der Arbeit'),
    single(plusDays(easter, 39), 'Christi Himmelfahrt'),
    single(plusDays(easter, 50), 'Pfingstmontag'),
    single(day(year, 10, 3), 'Tag der Deutschen Einheit'),
    { from: `${year}-12-25`, to: `${year}-12-26`, name: 'Weihnachten' },
  ];
}

/** National holidays of a country (ISO 3166 code) for `years`; none for countries without a rule here. */
export function nationalHolidays(country: string, years: readonly number[]): HolidayRange[] {
  const rule = country === 'US' ? usFederalHolidays : country === 'DE' ? germanNationalHolidays : null;
  return rule ? years.flatMap(rule) : [];
}
