import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../database/base.entity';
import type { HolidayRange, OpeningInterval } from './business-time';

/**
 * When a tenant's SLA clocks run (DESIGN.md §6): opening intervals per weekday in `timezone`, and
 * dated holidays. SLA policies name one (`calendarId`); none means 24/7. The maths is in
 * business-time.ts.
 */
@Entity({ tableName: 'business_calendars' })
@Unique({ properties: ['tenantId', 'id'] })
@Unique({ properties: ['tenantId', 'name'] })
export class BusinessCalendar extends TenantOwnedEntity<'holidays'> {
  @Property({ type: 'text' })
  name!: string;

  /** IANA time zone of the opening times and holiday dates. */
  @Property({ type: 'text' })
  timezone!: string;

  /** Opening intervals; an end not after its start runs past midnight. */
  @Property({ type: 'json' })
  intervals!: OpeningInterval[];

  /** Closed dates, single days (from = to) or ranges, both ends inclusive. */
  @Property({ type: 'json' })
  holidays: HolidayRange[] = [];
}
