import { ArrayType, Entity, Index, Property, Unique } from '@mikro-orm/core';
import type { TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';

export const DEFAULT_WARN_AT_PERCENT = [75, 90];
export const DEFAULT_PAUSE_STATUSES: TicketStatus[] = ['pending'];

/**
 * Which tickets get which response and resolution targets (DESIGN.md §6). Policies are tried in
 * `position` order and the first active one whose conditions all hold applies; an empty condition
 * list means "any". Targets are business minutes of `calendarId` (null = 24/7).
 */
@Entity({ tableName: 'sla_policies' })
@Unique({ properties: ['tenantId', 'id'] })
@Unique({ properties: ['tenantId', 'name'] })
@Index({ properties: ['tenantId', 'position'] })
export class SlaPolicy extends TenantOwnedEntity<
  'priorities' | 'channels' | 'tags' | 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes' | 'warnAtPercent' | 'pauseStatuses' | 'calendarId' | 'active' | 'version'
> {
  @Property({ type: 'text' })
  name!: string;

  /** Matching order, ascending (ties: older first). */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  priorities: TicketPriority[] = [];

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  channels: TicketChannel[] = [];

  /** Matches a ticket that has any one of these tags (the calls module tags missed-call follow-ups `callback`). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  tags: string[] = [];

  @Property({ type: 'integer', nullable: true })
  firstResponseMinutes: number | null = null;

  @Property({ type: 'integer', nullable: true })
  nextResponseMinutes: number | null = null;

  @Property({ type: 'integer', nullable: true })
  resolutionMinutes: number | null = null;

  /** Percentages of a target at which the assignee is warned, ascending. */
  @Property({ type: new ArrayType<number>((i) => Number(i)), columnType: 'int[]' })
  warnAtPercent: number[] = [...DEFAULT_WARN_AT_PERCENT];

  /** Ticket statuses in which the clocks stop. */
  @Property({ type: 'text[]' })
  pauseStatuses: TicketStatus[] = [...DEFAULT_PAUSE_STATUSES];

  /** FK (tenant_id, calendar_id) → business_calendars; null = 24/7. */
  @Property({ type: 'uuid', nullable: true })
  calendarId: string | null = null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Optimistic concurrency: bumped by every change; also the ETag. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
