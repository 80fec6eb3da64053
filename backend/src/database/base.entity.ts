import { randomUUID } from 'node:crypto';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Columns every table has. */
export abstract class BaseEntity<Optional = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A row owned by one tenant. The `tenant` filter (tenant.filter.ts) scopes every query of these
 * entities, and TenantSubscriber stamps `tenantId` on insert from the same context. No index on
 * tenant_id alone: every tenant-owned table has composite indexes leading with it (at least the
 * (tenant_id, id) key that composite foreign keys reference), which serve lookups by tenant.
 */
export abstract class TenantOwnedEntity<Optional = never> extends BaseEntity<Optional | 'tenantId'> {
  @Property({ type: 'uuid' })
  tenantId!: string;
}
