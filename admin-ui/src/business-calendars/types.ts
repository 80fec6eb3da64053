/** One opening of a weekday, local time of the calendar's zone. An end not after the start runs overnight; 24:00 is the end of the day. */
export interface OpeningInterval {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** HH:mm */
  start: string;
  /** HH:mm, or 24:00 */
  end: string;
}

/** Closed local dates, both ends inclusive (from = to for a single day). */
export interface Holiday {
  from: string;
  to: string;
  name?: string;
}

/** A row of the business-calendars resource (DESIGN.md §6). */
export interface BusinessCalendarRecord {
  id: string;
  tenantId: string;
  name: string;
  /** IANA time zone of the opening times and holiday dates. */
  timezone: string;
  intervals: OpeningInterval[];
  holidays: Holiday[];
  createdAt: string;
  updatedAt: string;
}
