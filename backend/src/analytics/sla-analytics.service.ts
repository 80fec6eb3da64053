import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { SlaMetric, TicketPriority, TicketStatus } from '@callpro/contracts';
import type { Range } from './analytics-period';
import type { AnalyticsContext } from './analytics-context';
import { bucketKeyOf, bucketSeries } from './buckets.sql';
import { COMPLIANCE, slaOutcomes, type SlaScope } from './sla-analytics.sql';
import { EMPTY, epochMs, inTurn, query, sql, trusted } from './sql';
import type { SlaAtRiskTicket, SlaBreachDay, SlaCompliance, SlaComplianceByMetric, SlaFigures, SlaPolicyCompliance } from './dto/sla-analytics.response';

const AT_RISK_WINDOW_MS = 3_600_000;
const AT_RISK_LIMIT = 100;

interface ComplianceRow {
  metric: SlaMetric;
  per_policy: boolean;
  policy_id: string | null;
  policy_name: string | null;
  met: number;
  breached: number;
  compliance: number | null;
}

const NONE: SlaCompliance = { met: 0, breached: 0, compliance: null };
const compliance = (r: ComplianceRow | undefined): SlaCompliance => (r ? { met: r.met, breached: r.breached, compliance: r.compliance } : NONE);

/** SLA figures from the sla_events log and the tickets' SLA columns (written by backend/src/sla). */
@Injectable()
export class SlaAnalyticsService {
  constructor(private readonly em: EntityManager) {}

  /** Compliance per metric for the current and the previous period (the summary's part). */
  async summary(ctx: AnalyticsContext): Promise<[SlaComplianceByMetric, SlaComplianceByMetric]> {
    const [current, previous] = await inTurn([ctx.period.current, ctx.period.previous], (range) => this.compliance(ctx, range));
    return [current.byMetric, previous.byMetric];
  }

  async figures(ctx: AnalyticsContext): Promise<[SlaFigures, SlaFigures]> {
    const [current, previous] = await inTurn([ctx.period.current, ctx.period.previous], async (range) => ({
      ...(await this.compliance(ctx, range)),
      breachesPerDay: await this.breachesPerDay(ctx, range),
    }));
    return [current, previous];
  }

  private async compliance(scope: SlaScope, range: Range): Promise<Pick<SlaFigures, 'byMetric' | 'byPolicy'>> {
    const rows = await query<ComplianceRow>(this.em, sql`
      with o as (${slaOutcomes(scope, range)})
      select o.metric, grouping(o.policy_id) = 0 as per_policy, o.policy_id, p.name as policy_name, ${COMPLIANCE}
        from o left join sla_policies p on p.tenant_id = ${scope.tenantId} and p.id = o.policy_id
       group by grouping sets ((o.metric), (o.metric, o.policy_id, p.name))
       order by p.name nulls last, o.policy_id, o.metric`);
    const total = (metric: SlaMetric) => compliance(rows.find((r) => !r.per_policy && r.metric === metric));
    const byPolicy: SlaPolicyCompliance[] = rows
      .filter((r) => r.per_policy)
      .map((r) => ({ policyId: r.policy_id, policyName: r.policy_name, metric: r.metric, ...compliance(r) }));
    return { byMetric: { firstResponse: total('first_response'), nextResponse: total('next_response'), resolution: total('resolution') }, byPolicy };
  }

  private async breachesPerDay(ctx: AnalyticsContext, range: Range): Promise<SlaBreachDay[]> {
    const agent = ctx.agentId
      ? sql` and exists (select 1 from tickets t where t.tenant_id = ${ctx.tenantId} and t.id = e.ticket_id and t.assignee_id = ${ctx.agentId})`
      : EMPTY;
    const rows = await query<{ start_ms: number; end_ms: number; label: string; first_response: number; next_response: number; resolution: number }>(this.em, sql`
      with buckets as (${bucketSeries(range, ctx.timezone, 'day')}),
           a as (select ${bucketKeyOf(trusted('e.occurred_at'), range, ctx.timezone, 'day')} as key,
                        count(*) filter (where e.metric = 'first_response')::int as first_response,
                        count(*) filter (where e.metric = 'next_response')::int as next_response,
                        count(*) filter (where e.metric = 'resolution')::int as resolution
                   from sla_events e
                  where e.tenant_id = ${ctx.tenantId} and e.kind = 'breached' and e.occurred_at >= ${range.from} and e.occurred_at < ${range.to}${agent}
                  group by 1)
      select b.start_ms, b.end_ms, b.label, coalesce(a.first_response, 0) as first_response, coalesce(a.next_response, 0) as next_response,
             coalesce(a.resolution, 0) as resolution
        from buckets b left join a on a.key = b.key
       order by b.start_ms`);
    return rows.map((r) => ({
      start: new Date(r.start_ms),
      end: new Date(r.end_ms),
      label: r.label,
      firstResponse: r.first_response,
      nextResponse: r.next_response,
      resolution: r.resolution,
      total: r.first_response + r.next_response + r.resolution,
    }));
  }

  /** Open tickets whose nearest running target falls due in [now, now + 1 h), soonest first. */
  async breachingNextHour(scope: SlaScope, now: Date): Promise<SlaAtRiskTicket[]> {
    const agent = scope.agentId ? sql` and t.assignee_id = ${scope.agentId}` : EMPTY;
    const rows = await query<{
      id: string;
      number: number;
      subject: string;
      status: TicketStatus;
      priority: TicketPriority;
      assignee_id: string | null;
      metric: SlaMetric | null;
      due_ms: number;
    }>(this.em, sql`
      select t.id, t.number, t.subject, t.status, t.priority, t.assignee_id, m.metric, ${epochMs(trusted('t.sla_next_due_at'))} as due_ms
        from tickets t
        left join lateral (select s.key as metric from jsonb_each(t.sla) s
                            where s.value->>'status' = 'active' and (s.value->>'dueAt')::timestamptz = t.sla_next_due_at
                            order by s.key limit 1) m on true
       where t.tenant_id = ${scope.tenantId} and t.sla_next_due_at >= ${now} and t.sla_next_due_at < ${new Date(now.getTime() + AT_RISK_WINDOW_MS)}${agent}
         and t.status in ('new', 'open', 'pending')
       order by t.sla_next_due_at, t.number
       limit ${AT_RISK_LIMIT}`);
    return rows.map((r) => ({
      ticketId: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status,
      priority: r.priority,
      assigneeId: r.assignee_id,
      metric: r.metric,
      dueAt: new Date(r.due_ms),
    }));
  }
}
