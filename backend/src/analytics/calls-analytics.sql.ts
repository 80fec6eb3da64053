import type { Range } from './analytics-period';
import { rawOnly, type RollupSplit } from './rollup-bounds';
import { EMPTY, joinSql, sql, trusted, type Sql } from './sql';

/** The additive call figures, as call_daily_rollups stores them per tenant, local day and agent. */
export const CALL_FIGURE_COLUMNS = [
  'calls',
  'inbound',
  'outbound',
  'inbound_answered',
  'inbound_missed',
  'inbound_abandoned',
  'answered',
  'talk_seconds',
  'handle_seconds',
] as const;

/**
 * The same figures for one call_logs row `c`. Must match the rollup trigger (migration
 * Migration20261125232000_analytics): answered/missed/abandoned count inbound calls (missed = ended
 * unanswered for any other reason: missed, voicemail, busy, failed, rejected); talk and handle time
 * (talk + wrap-up) add up over answered calls of both directions.
 */
const RAW_CALL_FIGURES = trusted(`
  1 as calls,
  (c.direction = 'inbound')::int as inbound,
  (c.direction = 'outbound')::int as outbound,
  coalesce(c.direction = 'inbound' and c.outcome = 'answered', false)::int as inbound_answered,
  coalesce(c.direction = 'inbound' and c.outcome not in ('answered', 'abandoned'), false)::int as inbound_missed,
  coalesce(c.direction = 'inbound' and c.outcome = 'abandoned', false)::int as inbound_abandoned,
  coalesce(c.outcome = 'answered', false)::int as answered,
  case when c.outcome = 'answered' then c.talk_seconds else 0 end as talk_seconds,
  case when c.outcome = 'answered' then c.talk_seconds + coalesce(c.wrap_up_seconds, 0) else 0 end as handle_seconds`);

const ROLLUP_CALL_FIGURES = trusted(CALL_FIGURE_COLUMNS.map((c) => `r.${c}`).join(', '));

/** Sums of the figure columns of a facts subquery `f`. */
export const SUMMED_CALL_FIGURES = trusted(CALL_FIGURE_COLUMNS.map((c) => `sum(f.${c}) as ${c}`).join(', '));

export interface CallScope {
  tenantId: string;
  agentId: string | null;
}

/** Extra leading columns of each branch: from the rollup row `r`, and from the call row `c`. */
export interface FactKeys {
  rollup: Sql;
  raw: Sql;
}

const NO_KEYS: FactKeys = { rollup: EMPTY, raw: EMPTY };

/**
 * Call figures of one range as rows: the rollup rows of its whole local days plus the raw calls of
 * its partial edges (see splitForRollups). Every branch starts with `tenant_id = ?`.
 */
export function callFacts(scope: CallScope, split: RollupSplit, keys: FactKeys = NO_KEYS): Sql {
  const branches: Sql[] = [];
  if (split.days) {
    const agent = scope.agentId ? sql` and r.agent_id = ${scope.agentId}` : EMPTY;
    branches.push(sql`
      select ${keys.rollup}${ROLLUP_CALL_FIGURES} from call_daily_rollups r
       where r.tenant_id = ${scope.tenantId} and r.day >= ${split.days.firstDay}::date and r.day < ${split.days.endDay}::date${agent}`);
  }
  for (const edge of split.edges) branches.push(sql`select ${keys.raw}${RAW_CALL_FIGURES} from call_logs c where ${rawCallsIn(scope, edge)}`);
  return joinSql(branches, '\n union all ');
}

/** Any instant on a quarter hour, as the origin of quarter-hour bins. */
const QUARTER_ORIGIN = trusted(`timestamptz '2000-01-01T00:00:00Z'`);

/** The UTC quarter hour a call `c` started in. */
export const QUARTER_OF_CALL = sql`date_bin(interval '15 minutes', c.started_at, ${QUARTER_ORIGIN})`;

/**
 * Raw call figures of a range added up per UTC quarter hour first, with `keyOf(quarter)` as `key`:
 * far fewer rows to put into local buckets than calls. Exact, because every zone's offset is a
 * multiple of 15 minutes, so no quarter hour straddles a local bucket boundary.
 */
export function quarterHourFacts(scope: CallScope, range: Range, keyOf: (quarter: Sql) => Sql): Sql {
  return sql`
    select ${keyOf(trusted('q.quarter'))} as key, ${trusted(CALL_FIGURE_COLUMNS.map((c) => `q.${c}`).join(', '))}
      from (select f.quarter, ${SUMMED_CALL_FIGURES}
              from (select ${QUARTER_OF_CALL} as quarter, ${RAW_CALL_FIGURES} from call_logs c where ${rawCallsIn(scope, range)}) f
             group by f.quarter) q`;
}

/** The WHERE of raw calls in a range (tenant first; index (tenant_id, started_at)). */
export function rawCallsIn(scope: CallScope, range: Range): Sql {
  const agent = scope.agentId ? sql` and c.agent_id = ${scope.agentId}` : EMPTY;
  return sql`c.tenant_id = ${scope.tenantId} and c.started_at >= ${range.from} and c.started_at < ${range.to}${agent}`;
}

/** The API's call figures from summed columns `a.*` (null sums: no calls). */
export const CALL_FIGURES_FROM_SUMS = trusted(`
  coalesce(a.calls, 0)::int as total,
  coalesce(a.inbound, 0)::int as inbound,
  coalesce(a.outbound, 0)::int as outbound,
  coalesce(a.inbound_answered, 0)::int as answered,
  coalesce(a.inbound_missed, 0)::int as missed,
  coalesce(a.inbound_abandoned, 0)::int as abandoned,
  a.inbound_answered::float8 / nullif(a.inbound, 0) as answer_rate,
  a.talk_seconds::float8 / nullif(a.answered, 0) as avg_talk_seconds,
  a.handle_seconds::float8 / nullif(a.answered, 0) as avg_handle_seconds`);

/**
 * The exact 90th percentile (percentile_cont semantics: linear between the two nearest ranks) of
 * answered calls' talk time, from per-day value → count histograms plus raw edge calls. The
 * histograms are tenant-wide, so an agent's percentile comes from raw calls only.
 */
export function talkTimePercentile(scope: CallScope, range: Range, tenantSplit: RollupSplit, fraction: number): Sql {
  const split = scope.agentId ? rawOnly(range) : tenantSplit;
  const branches: Sql[] = [];
  if (split.days) {
    branches.push(sql`
      select h.talk_seconds, h.calls as n from call_daily_talk_times h
       where h.tenant_id = ${scope.tenantId} and h.day >= ${split.days.firstDay}::date and h.day < ${split.days.endDay}::date`);
  }
  for (const edge of split.edges) branches.push(sql`select c.talk_seconds, 1 as n from call_logs c where ${rawCallsIn(scope, edge)} and c.outcome = 'answered'`);
  return sql`
    with v as (select talk_seconds, sum(n) as n from (${joinSql(branches, ' union all ')}) s group by talk_seconds),
         ranked as (select talk_seconds, sum(n) over (order by talk_seconds) as upto from v),
         pos as (select ${fraction}::float8 * (sum(n) - 1) as at from v)
    select (lo + (pos.at - floor(pos.at)) * (hi - lo))::float8 as value
      from pos,
           lateral (select min(talk_seconds) as lo from ranked where upto > floor(pos.at)) l,
           lateral (select min(talk_seconds) as hi from ranked where upto > ceil(pos.at)) h`;
}
