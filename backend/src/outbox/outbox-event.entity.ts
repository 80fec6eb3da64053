import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One event of a row that carries several (`OutboxEvent.events`). */
export interface SharedRowEvent {
  id: string;
  resourceId: string;
  payload: Record<string, unknown>;
  userIds: string[] | null;
}

/**
 * A domain event written in the same transaction as the change it describes (transactional
 * outbox). The relay delivers committed rows in `seq` order and marks them delivered. Not a
 * TenantOwnedEntity: the relay reads every tenant's rows; each row names its tenant.
 */
@Entity({ tableName: 'outbox_events' })
@Index({ name: 'outbox_events_pending_idx', expression: 'create index "outbox_events_pending_idx" on "outbox_events" ("seq") where "delivered_at" is null' })
@Index({
  name: 'outbox_events_pending_resource_idx',
  expression: 'create index "outbox_events_pending_resource_idx" on "outbox_events" ("resource_id", "seq") where "delivered_at" is null',
})
@Index({
  name: 'outbox_events_delivered_idx',
  expression: 'create index "outbox_events_delivered_idx" on "outbox_events" ("delivered_at") where "delivered_at" is not null',
})
export class OutboxEvent {
  [OptionalProps]?: 'seq' | 'occurredAt' | 'deliveredAt' | 'attempts' | 'userIds' | 'events';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Insert-order sequence (an identity column: never written by the app) for in-order delivery. */
  @Property({ type: 'bigint', autoincrement: true, generated: 'by default as identity', unique: true })
  seq!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  subject!: string;

  /** The aggregate: events of one resource are delivered in `seq` order. */
  @Property({ type: 'uuid' })
  resourceId!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'jsonb', nullable: true })
  userIds: string[] | null = null;

  /**
   * Several events of this name in one row (OutboxService.publishMany's `fresh` events), each
   * delivered as its own envelope; the row's own resourceId, payload and userIds then stand for
   * none of them. Null: the row is one event.
   */
  @Property({ type: 'jsonb', nullable: true })
  events: SharedRowEvent[] | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  /** How many relay transactions claimed the row (more than 1 only after a failed one). */
  @Property({ type: 'integer' })
  attempts: number = 0;
}
