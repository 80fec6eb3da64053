import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../database/base.entity';

/**
 * One entry of the tenant's list of call dispositions ("Sale", "Call back later"). Call logs name
 * it by `name` (foreign key (tenant_id, disposition) → (tenant_id, name), renames cascade), so an
 * integration sends the name it shows, not an id.
 */
@Entity({ tableName: 'dispositions' })
@Unique({ properties: ['tenantId', 'id'] })
@Unique({ properties: ['tenantId', 'name'] })
@Index({ properties: ['tenantId', 'position'] })
export class Disposition extends TenantOwnedEntity<'active' | 'position'> {
  @Property({ type: 'text' })
  name!: string;

  /** Inactive ones are no longer offered, but calls that carry them keep them. */
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Display order, ascending. */
  @Property({ type: 'integer' })
  position: number = 0;
}
