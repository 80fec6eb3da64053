/** A row of the tenants resource. */
export interface TenantRecord {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  defaultCountry: string;
  settings: { missedCallFollowUp: boolean };
  active: boolean;
  createdAt: string;
  updatedAt: string;
}
