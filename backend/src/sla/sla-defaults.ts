import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketPriority } from '@callpro/contracts';
import type { Tenant } from '../tenants/tenant.entity';
import type { OpeningInterval } from './business-time';
import { BusinessCalendar } from './business-calendar.entity';
import { nationalHolidays } from './holidays';
import { SlaPolicy } from './sla-policy.entity';

const WEEKDAYS = [1, 2, 3, 4, 5];
/** Mon–Fri 09:00–12:30 and 13:30–18:00, in the tenant's time zone. */
export const OFFICE_HOURS: OpeningInterval[] = WEEKDAYS.flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:30' },
  { weekday, start: '13:30', end: '18:00' },
]);

export const DEFAULT_CALENDAR_NAME = 'Office hours';

const HOUR = 60;
/** The default policies in matching order: the 24/7 call-back promise first, then one per priority in office hours. */
export const DEFAULT_SLA_POLICIES: { name: string; tags?: string[]; priorities?: TicketPriority[]; first: number; resolution: number | null; officeHours: boolean }[] = [
  { name: 'Missed-call callback', tags: ['callback'], first: 30, resolution: null, officeHours: false },
  { name: 'Urgent', priorities: ['urgent'], first: 15, resolution: 4 * HOUR, officeHours: true },
  { name: 'High', priorities: ['high'], first: HOUR, resolution: 8 * HOUR, officeHours: true },
  { name: 'Normal', priorities: ['normal'], first: 4 * HOUR, resolution: 24 * HOUR, officeHours: true },
  { name: 'Low', priorities: ['low'], first: 8 * HOUR, resolution: 72 * HOUR, officeHours: true },
];

/**
 * Writes the default SLA set-up into `em`'s tenant: the office-hours calendar in the tenant's time
 * zone, with the national holidays of `years` for its country (where holidays.ts has a rule), and
 * the default policies. Used by tenant creation and the demo seed.
 */
export async function provisionDefaultSla(
  em: EntityManager,
  tenant: Pick<Tenant, 'timezone' | 'defaultCountry'>,
  years: readonly number[],
): Promise<{ calendar: BusinessCalendar; policies: SlaPolicy[] }> {
  const calendar = em.create(BusinessCalendar, {
    name: DEFAULT_CALENDAR_NAME,
    timezone: tenant.timezone,
    intervals: OFFICE_HOURS,
    holidays: nationalHolidays(tenant.defaultCountry, years),
  });
  // plain id columns: the unit of work does not know the policies need the calendar first
  await em.flush();
  const policies = DEFAULT_SLA_POLICIES.map((p, position) =>
    em.create(SlaPolicy, {
      name: p.name,
      position,
      priorities: p.priorities ?? [],
      tags: p.tags ?? [],
      firstResponseMinutes: p.first,
      nextResponseMinutes: p.first,
      resolutionMinutes: p.resolution,
      calendarId: p.officeHours ? calendar.id : null,
    }),
  );
  await em.flush();
  return { calendar, policies };
}
