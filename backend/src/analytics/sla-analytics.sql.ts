import type { Range } from './analytics-period';
import { EMPTY, sql, type Sql } from './sql';

export interface SlaScope {
  tenantId: string;
  agentId: string | null;
}

/**
 * One row per SLA target that fell due in the range — (ticket, metric, cycle) with a `met` or
 * `breached` event whose due time lies in it — with whether it was breached (a late answer records
 * both: it counts as breached) and the policy in force at its last event. Agents: tickets assigned
 * to them now. Columns: ticket_id, metric, policy_id, breached.
 */
export function slaOutcomes(scope: SlaScope, range: Range): Sql {
  const agent = scope.agentId
    ? sql` and exists (select 1 from tickets t where t.tenant_id = ${scope.tenantId} and t.id = e.ticket_id and t.assignee_id = ${scope.agentId})`
    : EMPTY;
  return sql`
    select e.ticket_id, e.metric, (array_agg(e.policy_id order by e.occurred_at desc))[1] as policy_id, bool_or(e.kind = 'breached') as breached
      from sla_events e
     where e.tenant_id = ${scope.tenantId} and e.kind in ('met', 'breached') and e.due_at >= ${range.from} and e.due_at < ${range.to}${agent}
     group by e.ticket_id, e.metric, e.cycle`;
}

/** met, breached and met ÷ (met + breached) of outcome rows `o`. */
export const COMPLIANCE = sql`
  count(*) filter (where not o.breached)::int as met,
  count(*) filter (where o.breached)::int as breached,
  (count(*) filter (where not o.breached))::float8 / nullif(count(*), 0) as compliance`;
