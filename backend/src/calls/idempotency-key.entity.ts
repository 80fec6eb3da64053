import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../database/base.entity';

/**
 * A stored answer to a POST sent with an `Idempotency-Key` header (DESIGN.md §4), replayed for 24 h
 * to the same principal of the same tenant. Written and read with SQL by IdempotencyService.
 */
@Entity({ tableName: 'idempotency_keys' })
@Unique({ properties: ['tenantId', 'principal', 'key'] })
@Index({ properties: ['createdAt'] })
export class IdempotencyKey extends TenantOwnedEntity {
  @Property({ type: 'text' })
  key!: string;

  /** `user:<id>` or `apiKey:<id>`. */
  @Property({ type: 'text' })
  principal!: string;

  /** SHA-256 of the route and the canonical JSON body. */
  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'integer' })
  status!: number;

  @Property({ type: 'jsonb' })
  response!: unknown;
}
