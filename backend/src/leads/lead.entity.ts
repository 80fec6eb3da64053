import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { LEAD_STATUSES, type LeadStatus } from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';

/**
 * A prospect. `phone` is E.164 and unique per tenant, so that a call's other party matches at
 * most one lead. `searchText` is a generated column behind the trigram index that serves `q`.
 */
@Entity({ tableName: 'leads' })
// referenced by other tenant-owned rows (tickets, call logs) with composite foreign keys
@Unique({ properties: ['tenantId', 'id'] })
@Index({ properties: ['tenantId', 'ownerId'] })
@Index({ properties: ['tenantId', 'status'] })
@Index({
  name: 'leads_tenant_id_updated_at_id_index',
  expression: 'create index "leads_tenant_id_updated_at_id_index" on "leads" ("tenant_id", "updated_at" desc, "id")',
})
@Unique({
  name: 'leads_tenant_id_phone_unique',
  expression: 'create unique index "leads_tenant_id_phone_unique" on "leads" ("tenant_id", "phone") where "phone" is not null',
})
@Index({
  name: 'leads_search_text_trgm_index',
  expression: 'create index "leads_search_text_trgm_index" on "leads" using gin ("search_text" gin_trgm_ops)',
})
export class Lead extends TenantOwnedEntity<
  'phone' | 'email' | 'company' | 'status' | 'source' | 'ownerId' | 'lastContactedAt' | 'version' | 'searchText'
> {
  @Property({ type: 'text' })
  name!: string;

  /** E.164, normalised on write with the tenant's default country. */
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  company: string | null = null;

  @Enum({ items: () => LEAD_STATUSES, nativeEnumName: 'lead_status' })
  status: LeadStatus = 'new';

  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  /** The user responsible for the lead; null = nobody yet. FK (tenant_id, owner_id) → users. */
  @Property({ type: 'uuid', nullable: true })
  ownerId: string | null = null;

  /** Set by calls (LeadsService.touchLastContacted), never through the API. */
  @Property({ type: 'timestamptz', nullable: true })
  lastContactedAt: Date | null = null;

  /** Optimistic concurrency: bumped on every update, checked by PUT. */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  /** Lower-cased name, company, email and phone digits, for the trigram search index. */
  @Property<Lead>({
    type: 'text',
    lazy: true,
    hidden: true,
    generated: (cols) =>
      `(lower(${cols.name} || ' ' || coalesce(${cols.company}, '') || ' ' || coalesce(${cols.email}, '') || ' ' || ` +
      `coalesce(regexp_replace(${cols.phone}, '\\D', '', 'g'), ''))) stored`,
  })
  searchText!: string;
}
