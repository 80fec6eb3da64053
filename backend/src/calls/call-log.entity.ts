import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  CALL_SOURCES,
  CALL_STATUSES,
  MISSED_REASONS,
  type CallDirection,
  type CallOutcome,
  type CallSource,
  type CallStatus,
  type MissedReason,
} from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';

/** How `leadId` came about: one lead had the other party's number, several did, or none. */
export const LEAD_MATCHES = ['matched', 'ambiguous', 'none'] as const;
export type LeadMatch = (typeof LEAD_MATCHES)[number];

/**
 * One phone call (DESIGN.md §5). Written by ingestion with set-based SQL (call-log-upsert.sql.ts),
 * read and edited through the ORM. `call_status` is a PostgreSQL enum declared in lifecycle order,
 * so `excluded.status > call_logs.status` means "further along".
 */
@Entity({ tableName: 'call_logs' })
@Unique({ properties: ['tenantId', 'id'] })
@Unique({ properties: ['tenantId', 'externalId'] })
@Index({ name: 'call_logs_tenant_id_started_at_id_index', expression: 'create index "call_logs_tenant_id_started_at_id_index" on "call_logs" ("tenant_id", "started_at" desc, "id")' })
@Index({
  name: 'call_logs_tenant_id_agent_id_started_at_index',
  expression: 'create index "call_logs_tenant_id_agent_id_started_at_index" on "call_logs" ("tenant_id", "agent_id", "started_at" desc)',
})
@Index({ properties: ['tenantId', 'leadId'] })
@Index({ properties: ['tenantId', 'ticketId'] })
@Index({ properties: ['tenantId', 'disposition'] })
// `q` is a prefix match on the E.164 numbers
@Index({
  name: 'call_logs_tenant_id_from_number_index',
  expression: 'create index "call_logs_tenant_id_from_number_index" on "call_logs" ("tenant_id", "from_number" text_pattern_ops)',
})
@Index({
  name: 'call_logs_tenant_id_to_number_index',
  expression: 'create index "call_logs_tenant_id_to_number_index" on "call_logs" ("tenant_id", "to_number" text_pattern_ops)',
})
export class CallLog extends TenantOwnedEntity<
  | 'externalId'
  | 'status'
  | 'outcome'
  | 'missedReason'
  | 'answeredAt'
  | 'endedAt'
  | 'talkSeconds'
  | 'ringSeconds'
  | 'wrapUpSeconds'
  | 'agentId'
  | 'leadId'
  | 'leadMatch'
  | 'ticketId'
  | 'disposition'
  | 'notes'
  | 'recordingUrl'
  | 'recordingConsent'
  | 'deviceId'
> {
  /** The dialer's or integration's own id for the call, unique per tenant: re-sending it updates the call. */
  @Property({ type: 'text', nullable: true })
  externalId: string | null = null;

  @Enum({ items: () => CALL_DIRECTIONS, nativeEnumName: 'call_direction' })
  direction!: CallDirection;

  @Enum({ items: () => CALL_STATUSES, nativeEnumName: 'call_status' })
  status: CallStatus = 'completed';

  /** Set once the call is completed. */
  @Enum({ items: () => CALL_OUTCOMES, nativeEnumName: 'call_outcome', nullable: true })
  outcome: CallOutcome | null = null;

  @Enum({ items: () => MISSED_REASONS, nativeEnumName: 'call_missed_reason', nullable: true })
  missedReason: MissedReason | null = null;

  /** E.164. */
  @Property({ type: 'text' })
  fromNumber!: string;

  /** E.164. */
  @Property({ type: 'text' })
  toNumber!: string;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;

  /** endedAt − answeredAt; 0 if never answered (or not ended yet). */
  @Property({ type: 'integer' })
  talkSeconds: number = 0;

  /** (answeredAt ?? endedAt) − startedAt; 0 while still ringing. */
  @Property({ type: 'integer' })
  ringSeconds: number = 0;

  @Property({ type: 'integer', nullable: true })
  wrapUpSeconds: number | null = null;

  /** The agent who took or made the call. FK (tenant_id, agent_id) → users. */
  @Property({ type: 'uuid', nullable: true })
  agentId: string | null = null;

  /** The lead whose phone is the other party's number. FK (tenant_id, lead_id) → leads. */
  @Property({ type: 'uuid', nullable: true })
  leadId: string | null = null;

  @Enum({ items: () => LEAD_MATCHES, nativeEnumName: 'call_lead_match' })
  leadMatch: LeadMatch = 'none';

  /** FK (tenant_id, ticket_id) → tickets. */
  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;

  /** A name from the tenant's dispositions. FK (tenant_id, disposition) → dispositions (tenant_id, name). */
  @Property({ type: 'text', nullable: true })
  disposition: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  /** https only. */
  @Property({ type: 'text', nullable: true })
  recordingUrl: string | null = null;

  /** Whether the other party agreed to the recording; null = not recorded by the dialer. */
  @Property({ type: 'boolean', nullable: true })
  recordingConsent: boolean | null = null;

  @Enum({ items: () => CALL_SOURCES, nativeEnumName: 'call_source' })
  source!: CallSource;

  @Property({ type: 'text', nullable: true })
  deviceId: string | null = null;
}
