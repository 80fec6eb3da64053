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

/**
 * The text the `q` filter searches: the number, subject, description and requester, plus the
 * requester phone's digit suffixes (see `ticket_phone_lexemes` in the migration) so that
 * "5550123" finds "+1 415 555 0123".
 */
const SEARCH_DOCUMENT =
  "(to_tsvector('simple', number::text || ' ' || subject || ' ' || coalesce(description, '') || ' ' || " +
  "coalesce(requester_name, '') || ' ' || coalesce(requester_email, '') || ' ' || coalesce(requester_phone, '') || ' ' || " +
  'ticket_phone_lexemes(requester_phone))) stored';

/** A support request (DESIGN.md §5). SLA fields are added by the SLA module. */
@Entity({ tableName: 'tickets' })
@Unique({ properties: ['tenantId', 'number'] })
@Unique({ properties: ['tenantId', 'id'] })
@Index({ name: 'tickets_tenant_id_updated_at_id_index', expression: 'create index "tickets_tenant_id_updated_at_id_index" on "tickets" ("tenant_id", "updated_at" desc, "id")' })
@Index({ properties: ['tenantId', 'status'] })
@Index({ properties: ['tenantId', 'assigneeId', 'status'] })
@Index({ name: 'tickets_tags_index', expression: 'create index "tickets_tags_index" on "tickets" using gin ("tags")' })
@Index({ name: 'tickets_search_index', expression: 'create index "tickets_search_index" on "tickets" using gin ("search")' })
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

  /** Optimistic concurrency: bumped by every flush that changes the row; also the ETag. */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'tsvector', generated: SEARCH_DOCUMENT, lazy: true, hidden: true, nullable: true })
  search?: string;
}
