import type { Tenant } from '../tenant.entity';

export class TenantSettingsResponse {
  /** Create a follow-up ticket for a missed inbound call with no open ticket. */
  missedCallFollowUp!: boolean;
}

export class TenantResponse {
  id!: string;
  name!: string;
  /** a-z, 0-9 and hyphens; unique. */
  slug!: string;
  /** IANA time zone, used for business hours and analytics buckets. */
  timezone!: string;
  /** ISO 3166-1 alpha-2 country used to normalise local phone numbers. */
  defaultCountry!: string;
  settings!: TenantSettingsResponse;
  /** Users of an inactive tenant cannot log in; tenants are deactivated, never deleted. */
  active!: boolean;
  createdAt!: Date;
  updatedAt!: Date;

  static from(tenant: Tenant): TenantResponse {
    const { id, name, slug, timezone, defaultCountry, active, createdAt, updatedAt } = tenant;
    const settings: TenantSettingsResponse = { missedCallFollowUp: tenant.settings.missedCallFollowUp ?? true };
    return Object.assign(new TenantResponse(), { id, name, slug, timezone, defaultCountry, settings, active, createdAt, updatedAt });
  }
}
