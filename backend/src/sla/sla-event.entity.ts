import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { SLA_EVENT_KINDS, SLA_METRICS, type SlaEventKind, type SlaMetric } from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';

/**
 * The SLA log of a ticket (DESIGN.md §6), append-only. Warnings and breaches are unique per
 * (tenant, ticket, metric, cycle, kind, threshold) — a partial unique index in the migration — so
 * that each is recorded, notified and published exactly once, whichever instance sees it.
 */
@Entity({ tableName: 'sla_events' })
@Index({ properties: ['tenantId', 'ticketId', 'occurredAt'] })
@Index({ properties: ['tenantId', 'occurredAt'] })
@Unique({
  name: 'sla_events_alert_unique',
  expression:
    'create unique index "sla_events_alert_unique" on "sla_events" ("tenant_id", "ticket_id", "metric", "cycle", "kind", "threshold") nulls not distinct where "kind" in (\'warning\', \'breached\')',
})
export class SlaEvent extends TenantOwnedEntity<'policyId' | 'threshold' | 'dueAt' | 'cycle'> {
  /** FK (tenant_id, ticket_id) → tickets, deleted with the ticket. */
  @Property({ type: 'uuid' })
  ticketId!: string;

  /** The policy in force; null once that policy is deleted. */
  @Property({ type: 'uuid', nullable: true })
  policyId: string | null = null;

  @Enum({ items: () => SLA_METRICS, nativeEnumName: 'sla_metric' })
  metric!: SlaMetric;

  @Enum({ items: () => SLA_EVENT_KINDS, nativeEnumName: 'sla_event_kind' })
  kind!: SlaEventKind;

  /** Which run of the metric's clock (a reopen restarts resolution and next response). */
  @Property({ type: 'integer' })
  cycle: number = 0;

  /** Warnings: the percentage of the target reached. */
  @Property({ type: 'integer', nullable: true })
  threshold: number | null = null;

  /** The metric's due time when this happened. */
  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  /** When it happened (a breach: the due time itself, however late the job noticed). */
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;
}
