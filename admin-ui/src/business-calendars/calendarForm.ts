import type { Holiday, OpeningInterval } from './types';

/** The weekdays in the order the form lists them (Monday first), with the API's numbers (0 = Sunday). */
export const WEEKDAYS: readonly { weekday: number; label: string }[] = [
  { weekday: 1, label: 'Monday' },
  { weekday: 2, label: 'Tuesday' },
  { weekday: 3, label: 'Wednesday' },
  { weekday: 4, label: 'Thursday' },
  { weekday: 5, label: 'Friday' },
  { weekday: 6, label: 'Saturday' },
  { weekday: 0, label: 'Sunday' },
];

const DAY = 24 * 60;
/** As the API: HH:mm, or 24:00 (the end of the day). */
const TIME = /^(?:([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** The API keeps a holiday range to this many days. */
export const MAX_HOLIDAY_DAYS = 366;

/** 24:00 counts as 1440, so that 00:00–24:00 is a whole day. */
const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function validateStart(start: string | null | undefined): string | undefined {
  if (!start) return 'Required';
  if (!TIME.test(start)) return 'A time HH:mm, e.g. 09:00';
  if (start === '24:00') return 'Start before 24:00';
  return undefined;
}

export function validateEnd(end: string | null | undefined, start: string | null | undefined): string | undefined {
  if (!end) return 'Required';
  if (!TIME.test(end)) return 'A time HH:mm (or 24:00), e.g. 17:30';
  if (start && TIME.test(start) && minutesOfDay(start) === minutesOfDay(end)) return 'End must differ from start (00:00–24:00 is a whole day)';
  return undefined;
}

/** Ends at or before its start: it closes the next day (22:00–06:00). */
export function isOvernight({ start, end }: Pick<OpeningInterval, 'start' | 'end'>): boolean {
  return TIME.test(start) && TIME.test(end) && end !== '24:00' && minutesOfDay(end) < minutesOfDay(start);
}

/** Open minutes of one interval, 0 for one the API would refuse. */
export function intervalMinutes(interval: Pick<OpeningInterval, 'start' | 'end'>): number {
  if (validateStart(interval.start) || validateEnd(interval.end, interval.start)) return 0;
  const start = minutesOfDay(interval.start);
  const end = minutesOfDay(interval.end);
  return end > start ? end - start : DAY - start + end;
}

/** Open minutes of a week; 0 means the calendar is never open, which the API refuses. */
export function weeklyOpenMinutes(intervals: readonly Pick<OpeningInterval, 'start' | 'end'>[] | null | undefined): number {
  return (intervals ?? []).reduce((sum, i) => sum + intervalMinutes(i), 0);
}

/** The "24/7" shortcut: every day from 00:00 to 24:00. */
export function alwaysOpen(): OpeningInterval[] {
  return WEEKDAYS.map(({ weekday }) => ({ weekday, start: '00:00', end: '24:00' }));
}

/** The intervals with `to` days' openings replaced by copies of `from`'s (for "same hours Monday–Friday"). */
export function copyDay(intervals: readonly OpeningInterval[], from: number, to: readonly number[]): OpeningInterval[] {
  const source = intervals.filter((i) => i.weekday === from);
  const kept = intervals.filter((i) => !to.includes(i.weekday) || i.weekday === from);
  return [...kept, ...to.filter((day) => day !== from).flatMap((weekday) => source.map(({ start, end }) => ({ weekday, start, end })))];
}

/** Whole days from `from` to `to`, both inclusive (dates YYYY-MM-DD); NaN for what is not a date. */
export function holidayDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

/** The end of a holiday: empty for a single day, else not before the start and at most a year after. */
export function validateHolidayTo(to: string | null | undefined, from: string | null | undefined): string | undefined {
  if (!to || !from) return undefined;
  const days = holidayDays(from, to);
  if (Number.isNaN(days)) return 'A date';
  if (days < 1) return 'Not before the first day';
  if (days > MAX_HOLIDAY_DAYS) return `At most ${MAX_HOLIDAY_DAYS} days`;
  return undefined;
}

export interface HolidayRow {
  from: string | null;
  to?: string | null;
  name?: string | null;
}

/** A holiday row as the API takes it: no end = a single day; a blank name left out. Order kept, so that the API's errors (`holidays.2.to`) land on the row. */
export function holidayToApi({ from, to, name }: HolidayRow): Holiday {
  const trimmed = name?.trim();
  return { from: from ?? '', to: to || (from ?? ''), ...(trimmed ? { name: trimmed } : {}) };
}

export interface CalendarFormValues {
  intervals?: OpeningInterval[] | null;
  holidays?: HolidayRow[] | null;
}

/** The form's values as the API takes them (react-admin sends the whole record; the API ignores read-only fields). */
export function calendarToApi<T extends CalendarFormValues>(values: T): Omit<T, 'holidays' | 'intervals'> & { intervals: OpeningInterval[]; holidays: Holiday[] } {
  return { ...values, intervals: values.intervals ?? [], holidays: (values.holidays ?? []).map(holidayToApi) };
}
