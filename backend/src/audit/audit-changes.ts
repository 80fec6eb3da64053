import type { AuditChange } from './audit-event.entity';

/** A value as the audit trail stores it (jsonb): dates as ISO-8601 strings. */
export function auditValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(auditValue);
  return value === undefined ? null : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(auditValue(a)) === JSON.stringify(auditValue(b));

/** `{field, from, to}` for each of `fields` that differs between `before` and `after`. */
export function diffFields<T extends object>(before: Partial<T>, after: Partial<T>, fields: readonly (keyof T & string)[]): AuditChange[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({ field: f, from: auditValue(before[f]), to: auditValue(after[f]) }));
}

/** Every listed field of a new record, as changes from nothing (creation). */
export function initialFields<T extends object>(record: T, fields: readonly (keyof T & string)[]): AuditChange[] {
  return diffFields({}, record, fields).filter((c) => c.to !== null && !(Array.isArray(c.to) && c.to.length === 0));
}

/** Every listed field of a removed record, as changes to nothing (deletion). */
export function finalFields<T extends object>(record: T, fields: readonly (keyof T & string)[]): AuditChange[] {
  return initialFields(record, fields).map((c) => ({ field: c.field, from: c.to, to: null }));
}
