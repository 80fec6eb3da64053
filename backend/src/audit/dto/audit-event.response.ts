import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_ACTOR_TYPES, type AuditAction, type AuditActorType, type AuditEvent } from '../audit-event.entity';

/** Any JSON value: changes hold strings, numbers, booleans, arrays (tags) and objects (notes). */
const ANY_JSON = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object' }],
};

export class AuditChangeResponse {
  field!: string;
  /** The value before the change (null when there was none); dates are ISO-8601 strings. */
  @ApiProperty(ANY_JSON)
  from!: unknown;
  /** The value after the change (null when removed). */
  @ApiProperty(ANY_JSON)
  to!: unknown;
}

/** One entry of a record's history. */
export class AuditEventResponse {
  id!: string;
  /** A user id or an API key id; null when the system made the change. */
  actorId!: string | null;
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES, enumName: 'AuditActorType' })
  actorType!: AuditActorType;
  /** The react-admin resource of the changed record, e.g. `tickets`. */
  resource!: string;
  resourceId!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action!: AuditAction;
  @ApiProperty({ type: [AuditChangeResponse] })
  changes!: AuditChangeResponse[];
  occurredAt!: Date;

  static from(e: AuditEvent): AuditEventResponse {
    const { id, actorId, actorType, resource, resourceId, action, changes, occurredAt } = e;
    return Object.assign(new AuditEventResponse(), { id, actorId, actorType, resource, resourceId, action, changes, occurredAt });
  }
}
