import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

export interface TenantSettings {
  /** Create a follow-up ticket for a missed inbound call (DESIGN.md §5). */
  missedCallFollowUp?: boolean;
}

/** An organisation. Not tenant-owned itself: access to it is scoped by the ability ({ id: own }). */
@Entity({ tableName: 'tenants' })
export class Tenant extends BaseEntity<'active' | 'settings' | 'timezone' | 'defaultCountry'> {
  @Property({ type: 'text' })
  name!: string;

  @Unique()
  @Property({ type: 'text' })
  slug!: string;

  /** IANA time zone, used for business hours and analytics buckets. */
  @Property({ type: 'text' })
  timezone: string = 'UTC';

  /** ISO 3166-1 alpha-2 country used to normalise local phone numbers. */
  @Property({ type: 'text' })
  defaultCountry: string = 'US';

  @Property({ type: 'jsonb' })
  settings: TenantSettings = { missedCallFollowUp: true };

  @Property({ type: 'boolean' })
  active: boolean = true;
}
