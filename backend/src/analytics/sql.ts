import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A piece of SQL with its bind parameters. Built only with the `sql` tag (values become `?`
 * parameters) and `trusted` (text from this module's own allow-lists), so that nothing a client
 * sends is ever spliced into the text.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[],
  ) {}
}

/** `sql\`… where tenant_id = ${tenantId}\`` → text with `?` and the values as params; nested Sql is inlined. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return new Sql(text, params);
}

/** SQL text chosen by the code (column names from an allow-list, fixed keywords): never client input. */
export const trusted = (text: string) => new Sql(text, []);

export const EMPTY = trusted('');

export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return new Sql(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/**
 * Runs a statement in the request's transaction, where row-level security knows the tenant (raw
 * SQL: the caller still puts `tenant_id = ?` first in every WHERE).
 */
export function query<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  return em.execute<T[]>(statement.text, [...statement.params]);
}

/**
 * An instant as epoch milliseconds: the driver hands timestamptz to raw queries as text in the
 * session's zone, so instants leave SQL as numbers and become Dates in JS.
 */
export const epochMs = (instant: Sql) => sql`(extract(epoch from ${instant}) * 1000)::float8`;

/**
 * `items.map(fn)`, each awaited before the next starts. A request's queries share one connection
 * (its transaction, for row-level security), which runs one statement at a time anyway; started
 * together, node-postgres queues them with a deprecation warning (an error from pg 9).
 */
export async function inTurn<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await fn(item, index));
  return results;
}
