import type { EntityManager } from '@mikro-orm/postgresql';
import type { Range } from './analytics-period';
import { epochMs, joinSql, query, sql } from './sql';

/**
 * How a range splits between the daily rollups and the raw rows: the whole local days (in the
 * tenant's time zone, which the rollups are keyed by) that lie inside it, `[firstDay, endDay)`, and
 * the partial edges before and after them, read from call_logs. Without a whole day inside, the
 * edge is the whole range and `days` is null.
 */
export interface RollupSplit {
  days: { firstDay: string; endDay: string } | null;
  edges: Range[];
}

interface BoundsRow {
  i: number;
  first_day: string;
  end_day: string;
  whole_from: number;
  whole_to: number;
}

/** One round trip for all ranges; the day arithmetic is PostgreSQL's, as in the rollup trigger. */
export async function splitForRollups(em: EntityManager, tenantTimezone: string, ranges: readonly Range[]): Promise<RollupSplit[]> {
  const values = joinSql(ranges.map((r, i) => sql`(${i}::int, ${r.from}::timestamptz, ${r.to}::timestamptz)`), ', ');
  const rows = await query<BoundsRow>(em, sql`
    select i, first_day::text, end_day::text,
           ${epochMs(sql`first_day::timestamp at time zone ${tenantTimezone}::text`)} as whole_from,
           ${epochMs(sql`end_day::timestamp at time zone ${tenantTimezone}::text`)} as whole_to
      from (select i, date_trunc('day', (f at time zone ${tenantTimezone}::text) - interval '1 microsecond')::date + 1 as first_day,
                   (t at time zone ${tenantTimezone}::text)::date as end_day
              from (values ${values}) as r(i, f, t)) d
     order by i`);
  return rows.map((row) => {
    const range = ranges[row.i];
    if (row.first_day >= row.end_day) return { days: null, edges: [range] };
    const edges = [
      { from: range.from, to: new Date(row.whole_from) },
      { from: new Date(row.whole_to), to: range.to },
    ].filter((e) => e.from < e.to);
    return { days: { firstDay: row.first_day, endDay: row.end_day }, edges };
  });
}

/** No rollups (a time zone other than the rollups', hourly buckets): the whole range from raw rows. */
export const rawOnly = (range: Range): RollupSplit => ({ days: null, edges: [range] });
