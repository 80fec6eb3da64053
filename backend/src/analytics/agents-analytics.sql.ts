import type { Range } from './analytics-period';
import { callFacts } from './calls-analytics.sql';
import { slaOutcomes } from './sla-analytics.sql';
import { ticketCalendarJoin, ticketMinutes } from './tickets-analytics.sql';
import type { TimeBasis } from './dto/summary.response';
import type { RollupSplit } from './rollup-bounds';
import { EMPTY, joinSql, sql, trusted, type Sql } from './sql';

/** What the leaderboard may be sorted by, and the output column each stands for. */
const SORT_COLUMNS = {
  name: 'name',
  callsHandled: 'calls_handled',
  answerRate: 'answer_rate',
  avgHandleSeconds: 'avg_handle_seconds',
  ticketsResolved: 'tickets_resolved',
  medianFirstResponseMinutes: 'median_first_response_minutes',
  slaCompliance: 'sla_compliance',
} as const;
export type AgentSortField = keyof typeof SORT_COLUMNS;
export const AGENT_SORT_FIELDS = Object.keys(SORT_COLUMNS) as AgentSortField[];

/** Per-agent figures of one period, as the leaderboard statement returns them. */
export interface AgentFiguresRow {
  calls_handled: number;
  answer_rate: number | null;
  avg_handle_seconds: number | null;
  tickets_resolved: number;
  median_first_response_minutes: number | null;
  sla_compliance: number | null;
}

export interface LeaderboardRow {
  id: string;
  name: string;
  current: AgentFiguresRow;
  previous: AgentFiguresRow;
}

export interface LeaderboardSpec {
  tenantId: string;
  /** Only this user (an agent's own row, or a supervisor's filter). */
  agentId: string | null;
  ranges: readonly [Range, Range];
  splits: readonly [RollupSplit, RollupSplit];
  sort: AgentSortField;
  order: 'ASC' | 'DESC';
  /** Of the median first response. */
  timeBasis: TimeBasis;
}

const FIGURE_NAMES = ['calls_handled', 'answer_rate', 'avg_handle_seconds', 'tickets_resolved', 'median_first_response_minutes', 'sla_compliance'] as const;

/**
 * One statement for both periods: per agent, calls handled (answered, both directions), answer rate
 * of the inbound calls routed to them, average handle time, tickets resolved and the median first
 * response and SLA compliance (all metrics) of tickets assigned to them. Rows: the tenant's active agents plus anyone else with
 * figures in either period; sorted by the current period's figure, empty figures last, then name.
 */
export function leaderboardSql(spec: LeaderboardSpec): Sql {
  const { tenantId, agentId, ranges, splits } = spec;
  const scope = { tenantId, agentId };
  const facts = joinSql(
    ranges.map((_, p) => callFacts(scope, splits[p], { rollup: sql`${p}::int as p, r.agent_id, `, raw: sql`${p}::int as p, c.agent_id, ` })),
    '\n union all ',
  );
  const assigned = agentId ? sql` and t.assignee_id = ${agentId}` : sql` and t.assignee_id is not null`;
  const perPeriod = (build: (p: number, range: Range) => Sql) => joinSql(ranges.map((range, p) => build(p, range)), '\n union all ');
  const resolved = perPeriod((p, range) => sql`
    select ${p}::int as p, t.assignee_id as agent_id, count(*)::int as n from tickets t
     where t.tenant_id = ${tenantId} and t.resolved_at >= ${range.from} and t.resolved_at < ${range.to}${assigned}
     group by t.assignee_id`);
  const firstResponse = perPeriod((p, range) => sql`
    select ${p}::int as p, t.assignee_id as agent_id,
           percentile_cont(0.5) within group (order by ${ticketMinutes(spec.timeBasis, 'created_at', 'first_responded_at')}) as median
      from tickets t${ticketCalendarJoin(spec.timeBasis, tenantId)}
     where t.tenant_id = ${tenantId} and t.first_responded_at >= ${range.from} and t.first_responded_at < ${range.to}${assigned}
     group by t.assignee_id`);
  const sla = perPeriod((p, range) => sql`
    select ${p}::int as p, t.assignee_id as agent_id,
           count(*) filter (where not o.breached)::float8 / nullif(count(*), 0) as compliance
      from (${slaOutcomes(scope, range)}) o
      join tickets t on t.tenant_id = ${tenantId} and t.id = o.ticket_id
     where t.assignee_id is not null
     group by t.assignee_id`);
  const only = agentId ? sql` and u.id = ${agentId}` : EMPTY;
  const dir = trusted(spec.order === 'ASC' ? 'asc' : 'desc');
  const sortColumn = trusted(`cur.${SORT_COLUMNS[spec.sort]}`);
  const figureColumns = (alias: string, prefix: string) => trusted(FIGURE_NAMES.map((f) => `${alias}.${f} as ${prefix}${f}`).join(', '));
  const ranking = sql`${sortColumn} ${dir} nulls last, cur.name, cur.id`;
  return sql`
    with calls as (
           select f.p, f.agent_id, sum(f.answered) as handled, sum(f.inbound) as inbound,
                  sum(f.inbound_answered) as inbound_answered, sum(f.handle_seconds) as handle_seconds
             from (${facts}) f
            where f.agent_id is not null
            group by f.p, f.agent_id),
         resolved as (${resolved}),
         first_response as (${firstResponse}),
         sla as (${sla}),
         agents as (
           select u.id, u.name from users u
            where u.tenant_id = ${tenantId}${only}
              and ((u.role = 'agent' and u.active)
                   or u.id in (select agent_id from calls union select agent_id from resolved union select agent_id from first_response
                               union select agent_id from sla))),
         figures as (
           select a.id, a.name, p.p,
                  coalesce(c.handled, 0)::int as calls_handled,
                  c.inbound_answered::float8 / nullif(c.inbound, 0) as answer_rate,
                  c.handle_seconds::float8 / nullif(c.handled, 0) as avg_handle_seconds,
                  coalesce(r.n, 0)::int as tickets_resolved,
                  fr.median as median_first_response_minutes,
                  s.compliance as sla_compliance
             from agents a
            cross join (values (0), (1)) as p(p)
             left join calls c on c.agent_id = a.id and c.p = p.p
             left join resolved r on r.agent_id = a.id and r.p = p.p
             left join first_response fr on fr.agent_id = a.id and fr.p = p.p
             left join sla s on s.agent_id = a.id and s.p = p.p)
    select cur.id, cur.name, row_number() over (order by ${ranking}) as rank, ${figureColumns('cur', 'c_')}, ${figureColumns('prev', 'p_')}
      from figures cur join figures prev on prev.id = cur.id and prev.p = 1
     where cur.p = 0
     order by ${ranking}`;
}

/** Splits a statement row into the two periods' figures. */
export function toLeaderboardRow(row: Record<string, unknown>): LeaderboardRow {
  const pick = (prefix: string) => Object.fromEntries(FIGURE_NAMES.map((f) => [f, row[prefix + f]])) as unknown as AgentFiguresRow;
  return { id: row.id as string, name: row.name as string, current: pick('c_'), previous: pick('p_') };
}
