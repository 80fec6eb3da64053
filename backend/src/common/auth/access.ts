import { subject as asCaslSubject } from '@casl/ability';
import { rulesToQuery } from '@casl/ability/extra';
import type { Action, AppAbility, Subject } from '@callpro/permissions';
import { forbidden, notFound } from '../errors/problem';

/**
 * The ability's conditions for `action` on `subject` as a MikroORM where-clause, so lists are
 * narrowed in SQL rather than filtered after loading. Returns null when nothing is allowed.
 */
export function accessibleWhere(ability: AppAbility, action: Action, subject: Subject): Record<string, unknown> | null {
  const query = rulesToQuery(ability, action, subject, (rule) => {
    if (!rule.ast) throw new Error('Ability rule without conditions AST');
    return rule.inverted ? { $not: rule.conditions } : rule.conditions;
  });
  if (query === null) return null;
  const { $or, $and } = query as { $or?: object[]; $and?: object[] };
  const parts: object[] = [];
  if ($or) parts.push({ $or });
  if ($and) parts.push(...$and);
  return parts.length === 0 ? {} : parts.length === 1 ? (parts[0] as Record<string, unknown>) : { $and: parts };
}

/**
 * Record-level check before a change. A row the principal may not even read is a 404 (its existence
 * is not revealed); a readable row they may not change is a 403.
 */
export function assertCan(ability: AppAbility, action: Action, subject: Subject, record: object, field?: string): void {
  const tagged = asCaslSubject(subject as never, { ...record } as never);
  if (ability.can(action, tagged, field)) return;
  if (action !== 'read' && ability.can('read', tagged)) throw forbidden();
  throw notFound();
}

/** Fields in `changes` that the principal may not set on `record`. */
export function forbiddenFields(ability: AppAbility, action: Action, subject: Subject, record: object, changes: object): string[] {
  const tagged = asCaslSubject(subject as never, { ...record } as never);
  return Object.keys(changes).filter((f) => !ability.can(action, tagged, f));
}
