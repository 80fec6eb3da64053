import { addDays, localDateOf, MINUTE_MS, minutesOfDay, wallOfDate, wallToInstant, weekdayOf } from './zoned-time';

/**
 * Business-time maths for SLA due dates (DESIGN.md §6): pure, DST-correct, unit-tested.
 *
 * A calendar is open in its opening intervals, in its own time zone, except on its holidays. An
 * interval whose end is not after its start runs past midnight (Mon 22:00–06:00 ends Tuesday 06:00)
 * and belongs to the day it starts on: a holiday on Monday closes it, one on Tuesday does not.
 * Overlapping intervals simply add up to one longer opening. `null` stands for "open 24/7".
 */
export interface OpeningInterval {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** "HH:MM", local time. */
  start: string;
  /** "HH:MM" ("24:00" = midnight at the end of the day); not after `start` = the next day. */
  end: string;
}

export interface HolidayRange {
  /** First and last closed local date, "YYYY-MM-DD", both inclusive. */
  from: string;
  to: string;
  name?: string;
}

export interface BusinessCalendarSpec {
  timezone: string;
  intervals: readonly OpeningInterval[];
  holidays: readonly HolidayRange[];
}

export type Calendar = BusinessCalendarSpec | null;

/** The calendar is closed for longer than any sane closure: it has no open time to count. */
export class NoOpenTimeError extends Error {
  constructor() {
    super('The business calendar has no open time');
    this.name = 'NoOpenTimeError';
  }
}

/** Two years and a week without one open minute means there is none. */
const MAX_CLOSED_DAYS = 2 * 366 + 7;

type Window = readonly [start: number, end: number];

interface Day {
  /** The instant the local date begins. */
  midnight: number;
  windows: Window[];
}

/** Calendars are immutable values: their days are computed once per calendar object. */
const dayCache = new WeakMap<BusinessCalendarSpec, Map<string, Day>>();

function isHoliday(calendar: BusinessCalendarSpec, date: string): boolean {
  // ISO dates compare as strings
  return calendar.holidays.some((h) => h.from <= date && date <= h.to);
}

/** A local date's own openings (those starting on it), as instants, in order. */
function dayOf(calendar: BusinessCalendarSpec, date: string): Day {
  let days = dayCache.get(calendar);
  if (!days) dayCache.set(calendar, (days = new Map()));
  const cached = days.get(date);
  if (cached) return cached;
  const tz = calendar.timezone;
  const midnightWall = wallOfDate(date);
  const windows: Window[] = [];
  if (!isHoliday(calendar, date)) {
    const weekday = weekdayOf(date);
    for (const i of calendar.intervals) {
      if (i.weekday !== weekday) continue;
      const from = minutesOfDay(i.start);
      let to = minutesOfDay(i.end);
      if (to <= from) to += 24 * 60;
      const start = wallToInstant(midnightWall + from * MINUTE_MS, tz);
      const end = wallToInstant(midnightWall + to * MINUTE_MS, tz);
      // an opening that lies wholly in a spring-forward gap is empty
      if (end > start) windows.push([start, end]);
    }
    windows.sort((a, b) => a[0] - b[0]);
  }
  const day = { midnight: wallToInstant(midnightWall, tz), windows };
  days.set(date, day);
  return day;
}

/**
 * Open windows ending after `from` and starting before `until`, in order and without overlaps (an
 * opening that overlaps an earlier one is cut to start where that one ends). Endless: callers stop.
 */
function* openWindows(calendar: BusinessCalendarSpec, from: number, until = Infinity): Generator<Window> {
  // yesterday's overnight openings may still be open
  let date = addDays(localDateOf(from, calendar.timezone), -1);
  // openings start on their own local date, so they come in order of start; `covered` is the end of the last one
  let covered = from;
  let closedDays = 0;
  for (;;) {
    const day = dayOf(calendar, date);
    if (day.midnight >= until) return;
    closedDays = day.windows.length ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) throw new NoOpenTimeError();
    for (const [start, end] of day.windows) {
      if (end <= covered) continue;
      yield [Math.max(start, covered), end];
      covered = end;
    }
    date = addDays(date, 1);
  }
}

/**
 * The instant `minutes` business minutes after `start`: time counts only while the calendar is
 * open. A start outside opening hours counts from the next opening. Fractions of a minute count
 * (to the millisecond). Zero or fewer minutes give `start` itself.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: Calendar): Date {
  const from = start.getTime();
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining <= 0) return new Date(from);
  if (!calendar) return new Date(from + remaining);
  for (const [open, close] of openWindows(calendar, from)) {
    const s = Math.max(open, from);
    if (remaining <= close - s) return new Date(s + remaining);
    remaining -= close - s;
  }
  throw new NoOpenTimeError();
}

/** Business minutes from `a` to `b` (fractional; 0 when `b` is not after `a`). */
export function businessMinutesBetween(a: Date, b: Date, calendar: Calendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  if (!calendar) return (to - from) / MINUTE_MS;
  let total = 0;
  for (const [open, close] of openWindows(calendar, from, to)) {
    if (open >= to) break;
    total += Math.min(close, to) - Math.max(open, from);
  }
  return total / MINUTE_MS;
}

/** `at` when the calendar is open then, else the start of its next opening. */
export function nextOpening(at: Date, calendar: Calendar): Date {
  if (!calendar) return new Date(at.getTime());
  for (const [open] of openWindows(calendar, at.getTime())) return new Date(Math.max(open, at.getTime()));
  throw new NoOpenTimeError();
}

/** Open minutes in a plain week (no holidays), to refuse a calendar that is never open. */
export function weeklyOpenMinutes(intervals: readonly OpeningInterval[]): number {
  return intervals.reduce((sum, i) => {
    const from = minutesOfDay(i.start);
    const to = minutesOfDay(i.end);
    return sum + (to > from ? to - from : to + 24 * 60 - from);
  }, 0);
}
