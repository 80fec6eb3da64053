/**
 * Wall-clock time in an IANA time zone, with nothing but `Intl.DateTimeFormat` (no date library).
 * "Wall" values are milliseconds that read, as UTC, like the local clock: `Date.UTC(y, m, d, h, min)`.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** Whether `timezone` is a time zone name this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isValidTimeZone(timezone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timezone)) return false;
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall clock at `instant` in `timezone`, as wall milliseconds. */
export function wallClockOf(instant: number, timezone: string): number {
  const parts = formatter(timezone).formatToParts(new Date(instant));
  const n: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') n[p.type] = Number(p.value);
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second) + ms;
}

/** The zone's UTC offset at `instant` (local minus UTC), in milliseconds. */
export const offsetAt = (instant: number, timezone: string) => wallClockOf(instant, timezone) - instant;

/**
 * The instant at which the local clock in `timezone` reads `wall`. A wall time that happens twice
 * (the hour repeated when clocks go back) gives the first occurrence; one that never happens (the
 * hour skipped when clocks go forward) gives the instant as far after the gap's start as the wall
 * time is, so "02:30" on a spring-forward night is 03:30 new time (Temporal's "compatible").
 */
export function wallToInstant(wall: number, timezone: string): number {
  // one transition at most within a day either side, as in every real zone
  const before = offsetAt(wall - DAY_MS, timezone);
  const after = offsetAt(wall + DAY_MS, timezone);
  const valid = [wall - before, wall - after].filter((c) => wallClockOf(c, timezone) === wall);
  if (valid.length) return Math.min(...valid);
  return wall - before;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Whether `value` is a time of day written HH:MM (00:00–23:59, or 24:00 for the end of the day). */
export const isWallTime = (value: string) => TIME.test(value);

/** Minutes since midnight of "HH:MM" (24:00 → 1440). */
export function minutesOfDay(time: string): number {
  if (!TIME.test(time)) throw new Error(`Not a time of day: ${time}`);
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Wall milliseconds of midnight at the start of the date "YYYY-MM-DD". */
export function wallOfDate(date: string): number {
  if (!DATE.test(date)) throw new Error(`Not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** The instant at which the local clock in `timezone` reads `time` ("HH:MM") on `date` ("YYYY-MM-DD"). */
export function zonedWallTimeToInstant(date: string, time: string, timezone: string): Date {
  return new Date(wallToInstant(wallOfDate(date) + minutesOfDay(time) * MINUTE_MS, timezone));
}

/** The local date ("YYYY-MM-DD") in `timezone` at `instant`. */
export const localDateOf = (instant: number, timezone: string) => new Date(wallClockOf(instant, timezone)).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => new Date(wallOfDate(date) + days * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string) => new Date(wallOfDate(date)).getUTCDay();
