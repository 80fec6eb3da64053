/** One changed field of an audit event. Dates are ISO-8601 strings. */
export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

export type AuditAction = 'create' | 'update' | 'delete' | 'assign' | 'status' | 'note';

/** A row of the read-only audit-events resource: one entry of a record's history. */
export interface AuditEventRecord {
  id: string;
  /** A user id, an API key id, or null (the system). */
  actorId: string | null;
  actorType: 'user' | 'apiKey' | 'system';
  resource: string;
  resourceId: string;
  action: AuditAction;
  changes: AuditChange[];
  occurredAt: string;
}
