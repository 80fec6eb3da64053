import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A domain event written in the same transaction as the change it describes (transactional
 * outbox). The relay delivers committed rows in `seq` order and marks them delivered.
 */
@Entity({ tableName: 'outbox_events' })
@Index({ name: 'outbox_events_pending_idx', expression: 'create index "outbox_events_pending_idx" on "outbox_events" ("seq") where "delivered_at" is null' })
export class OutboxEvent {
  [OptionalProps]?: 'seq' | 'occurredAt' | 'deliveredAt' | 'attempts' | 'userIds';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Commit-order-ish sequence for in-order delivery. */
  @Property({ type: 'bigint', autoincrement: true, unique: true, persist: false })
  seq!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'uuid' })
  resourceId!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'jsonb', nullable: true })
  userIds: string[] | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;
}
