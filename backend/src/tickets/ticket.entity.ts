import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';
import type { TicketSla } from '../sla/sla-state';

/**
 * The text the `q` filter searches: the number, subject, description and requester, plus the
 * requester phone's digit suffixes (see `ticket_phone_lexemes` in the migration) so that
 * "5550123" finds "+1 415 555 0123".
 */
const SEARCH_DOCUMENT =
  "(to_tsvector('simple', number::text || ' ' || subject || ' ' || coalesce(description, '') || ' ' || " +
  "coalesce(requester_name, '') || ' ' || coalesce(requester_email, '') || ' ' || coalesce(requester_phone, '') || ' ' || " +
  'ticket_phone_lexemes(requester_phone))) stored';

/** A support request (DESIGN.md §5). The SLA fields are written by the SLA module only. */
@Entity({ tableName: 'tickets' })
@Unique({ properties: ['tenantId', 'number'] })
@Unique({ properties: ['tenantId', 'id'] })
@Index({ name: 'tickets_tenant_id_updated_at_id_index', expression: 'create index "tickets_tenant_id_updated_at_id_index" on "tickets" ("tenant_id", "updated_at" desc, "id")' })
@Index({ properties: ['tenantId', 'status'] })
@Index({ properties: ['tenantId', 'assigneeId', 'status'] })
@Index({ name: 'tickets_tags_index', expression: 'create index "tickets_tags_index" on "tickets" using gin ("tags")' })
@Index({ name: 'tickets_search_index', expression: 'create index "tickets_search_index" on "tickets" using gin ("search")' })
// SLA: "due soonest" lists per tenant, and the SLA job's scan across tenants (cost follows due tickets)
@Index({
  name: 'tickets_tenant_id_sla_next_due_at_index',
  expression: 'create index "tickets_tenant_id_sla_next_due_at_index" on "tickets" ("tenant_id", "sla_next_due_at") where "sla_next_due_at" is not null',
})
@Index({
  name: 'tickets_sla_next_check_index',
  expression:
    'create index "tickets_sla_next_check_index" on "tickets" ((least("sla_next_warn_at", "sla_next_due_at"))) where least("sla_next_warn_at", "sla_next_due_at") is not null',
})
export class Ticket extends TenantOwnedEntity<
  | 'number'
  | 'status'
  | 'priority'
  | 'channel'
  | 'tags'
  | 'description'
  | 'requesterName'
  | 'requesterPhone'
  | 'requesterEmail'
  | 'leadId'
  | 'assigneeId'
  | 'callLogId'
  | 'firstRespondedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'version'
  | 'slaPolicyId'
  | 'sla'
  | 'slaNextDueAt'
  | 'slaNextWarnAt'
  | 'slaPausedSince'
  | 'slaPausedMinutes'
> {
  /** Per-tenant, gap-free, from 1001 (ticket_counters). */
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => TICKET_STATUSES, nativeEnumName: 'ticket_status' })
  status: TicketStatus = 'new';

  @Enum({ items: () => TICKET_PRIORITIES, nativeEnumName: 'ticket_priority' })
  priority: TicketPriority = 'normal';

  @Enum({ items: () => TICKET_CHANNELS, nativeEnumName: 'ticket_channel' })
  channel: TicketChannel = 'phone';

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  tags: string[] = [];

  @Property({ type: 'text', nullable: true })
  requesterName: string | null = null;

  /** E.164 when it could be parsed with the tenant's default country. */
  @Property({ type: 'text', nullable: true })
  requesterPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  requesterEmail: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  leadId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  assigneeId: string | null = null;

  /** The call this ticket came from (set by the calls module). */
  @Property({ type: 'uuid', nullable: true })
  callLogId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  firstRespondedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  /** The SLA policy in force (set by the SLA module); null = none matches. */
  @Property({ type: 'uuid', nullable: true })
  slaPolicyId: string | null = null;

  /** Per-metric SLA clocks: status, due and met times, paused time, warnings (sla/sla-state.ts). */
  @Property({ type: 'json', nullable: true })
  sla: TicketSla | null = null;

  /** The nearest due time of a running SLA metric. */
  @Property({ type: 'timestamptz', nullable: true })
  slaNextDueAt: Date | null = null;

  /** The nearest pending SLA warning. */
  @Property({ type: 'timestamptz', nullable: true })
  slaNextWarnAt: Date | null = null;

  /** Since when the SLA clocks are paused (a pause status of the policy), or null. */
  @Property({ type: 'timestamptz', nullable: true })
  slaPausedSince: Date | null = null;

  /** Business minutes spent paused so far. */
  @Property({ type: 'double', runtimeType: 'number', defaultRaw: '0' })
  slaPausedMinutes: number = 0;

  /** Optimistic concurrency: bumped by every flush that changes the row; also the ETag. */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'tsvector', generated: SEARCH_DOCUMENT, lazy: true, hidden: true, nullable: true })
  search?: string;
}
