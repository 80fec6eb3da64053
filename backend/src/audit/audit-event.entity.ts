import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../database/base.entity';

export const AUDIT_ACTOR_TYPES = ['user', 'apiKey', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'assign', 'status', 'note'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One changed field. Dates are ISO-8601 strings. */
export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * Who changed what, when: a record's history. Append-only: there are no update or delete routes,
 * and a trigger (see the migration) makes PostgreSQL refuse UPDATE and DELETE on the table.
 */
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['tenantId', 'resource', 'resourceId', 'occurredAt'] })
@Index({ properties: ['tenantId', 'occurredAt'] })
export class AuditEvent extends TenantOwnedEntity<'actorId' | 'changes' | 'occurredAt'> {
  /** A user id or an API key id; null for the system. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Enum({ items: () => AUDIT_ACTOR_TYPES, nativeEnumName: 'audit_actor_type' })
  actorType!: AuditActorType;

  /** The react-admin resource name, e.g. 'tickets'. */
  @Property({ type: 'text' })
  resource!: string;

  @Property({ type: 'uuid' })
  resourceId!: string;

  @Enum({ items: () => AUDIT_ACTIONS, nativeEnumName: 'audit_action' })
  action!: AuditAction;

  @Property({ type: 'jsonb' })
  changes: AuditChange[] = [];

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();
}
