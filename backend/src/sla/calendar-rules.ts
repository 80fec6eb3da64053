import { ValidationProblem } from '../common/errors/problem';
import { weeklyOpenMinutes, type HolidayRange, type OpeningInterval } from './business-time';
import { isIsoDate, isValidTimeZone, minutesOfDay, wallOfDate } from './zoned-time';

const MAX_HOLIDAY_DAYS = 366;

export interface CalendarInput {
  timezone: string;
  intervals: OpeningInterval[];
  holidays: HolidayRange[];
}

/**
 * Refuses what the shape checks cannot see (400, `errors` by field): an unknown time zone, an
 * interval that starts where it ends, a calendar that is never open, a holiday range that is not a
 * range of real dates. Returns the calendar normalised: intervals by weekday and start, holidays by date.
 */
export function checkCalendar(input: CalendarInput): CalendarInput {
  const errors: Record<string, string> = {};
  if (!isValidTimeZone(input.timezone)) errors.timezone = 'timezone must be an IANA time zone such as Europe/Berlin';
  input.intervals.forEach((i, n) => {
    if (i.start === '24:00') errors[`intervals.${n}.start`] = 'start must be before 24:00';
    else if (minutesOfDay(i.start) === minutesOfDay(i.end)) errors[`intervals.${n}.end`] = 'end must differ from start (use 00:00–24:00 for a whole day)';
  });
  if (input.intervals.length === 0 || weeklyOpenMinutes(input.intervals) === 0) errors.intervals = 'the calendar must be open at some time of the week';
  input.holidays.forEach((h, n) => {
    if (!isIsoDate(h.from)) errors[`holidays.${n}.from`] = 'from must be a real date YYYY-MM-DD';
    else if (!isIsoDate(h.to)) errors[`holidays.${n}.to`] = 'to must be a real date YYYY-MM-DD';
    else if (h.to < h.from) errors[`holidays.${n}.to`] = 'to must not be before from';
    else if ((wallOfDate(h.to) - wallOfDate(h.from)) / 86_400_000 >= MAX_HOLIDAY_DAYS) errors[`holidays.${n}.to`] = `a holiday range covers at most ${MAX_HOLIDAY_DAYS} days`;
  });
  if (Object.keys(errors).length) throw new ValidationProblem(errors, 'The calendar is not valid');
  return {
    timezone: input.timezone,
    intervals: input.intervals
      .map(({ weekday, start, end }) => ({ weekday, start, end }))
      .sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start)),
    holidays: input.holidays.map(({ from, to, name }) => ({ from, to, ...(name ? { name } : {}) })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
  };
}
