import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@callpro/contracts';
import type { Interval, Range } from './analytics-period';
import type { AnalyticsContext } from './analytics-context';
import { bucketKeyOf, bucketSeries } from './buckets.sql';
import { EMPTY, inTurn, query, sql, trusted, type Sql } from './sql';
import { ticketCalendarJoin, ticketMinutes } from './tickets-analytics.sql';
import type { TimeBasis } from './dto/summary.response';
import { TicketBreakdown, TicketFigures, TicketSeriesBucket } from './dto/tickets-analytics.response';

/** Statuses that make up the backlog. */
const OPEN_STATUSES = ['new', 'open', 'pending'];
/** The most frequent tags a breakdown lists. */
export const BREAKDOWN_TAGS = 50;

interface Scope {
  tenantId: string;
  agentId: string | null;
}

/** Tickets with `column` in the range (tenant first); an agent's scope is the tickets assigned to them. */
function ticketsWhere(scope: Scope, column: string, range: Range): Sql {
  const agent = scope.agentId ? sql` and t.assignee_id = ${scope.agentId}` : EMPTY;
  const col = trusted(`t.${column}`);
  return sql`t.tenant_id = ${scope.tenantId} and ${col} >= ${range.from} and ${col} < ${range.to}${agent}`;
}

/**
 * Ticket figures. Created/resolved count tickets whose creation/resolution falls in the period;
 * first-response and resolution times are those of tickets first answered/resolved in the period,
 * in the context's time basis.
 */
@Injectable()
export class TicketsAnalyticsService {
  constructor(private readonly em: EntityManager) {}

  async summary(ctx: AnalyticsContext): Promise<[TicketFigures, TicketFigures]> {
    const [current, previous] = await inTurn([ctx.period.current, ctx.period.previous], (range) => this.figures(ctx, range));
    return [current, previous];
  }

  /** Tickets open (new, open, pending) right now. */
  async openNow(scope: Scope): Promise<number> {
    const agent = scope.agentId ? sql` and t.assignee_id = ${scope.agentId}` : EMPTY;
    const [row] = await query<{ n: number }>(this.em, sql`
      select count(*)::int as n from tickets t where t.tenant_id = ${scope.tenantId} and t.status in (${OPEN_STATUSES})${agent}`);
    return row.n;
  }

  private async figures(scope: Scope & { timeBasis: TimeBasis }, range: Range): Promise<TicketFigures> {
    const calendar = ticketCalendarJoin(scope.timeBasis, scope.tenantId);
    const firstResponse = ticketMinutes(scope.timeBasis, 'created_at', 'first_responded_at');
    const resolution = ticketMinutes(scope.timeBasis, 'created_at', 'resolved_at');
    const [row] = await query<{
      created: number;
      resolved: number;
      median_first_response: number | null;
      p90_first_response: number | null;
      median_resolution: number | null;
      p90_resolution: number | null;
    }>(this.em, sql`
      select (select count(*)::int from tickets t where ${ticketsWhere(scope, 'created_at', range)}) as created,
             (select count(*)::int from tickets t where ${ticketsWhere(scope, 'resolved_at', range)}) as resolved,
             fr.median as median_first_response, fr.p90 as p90_first_response,
             rs.median as median_resolution, rs.p90 as p90_resolution
        from (select percentile_cont(0.5) within group (order by m) as median, percentile_cont(0.9) within group (order by m) as p90
                from (select ${firstResponse} as m from tickets t${calendar} where ${ticketsWhere(scope, 'first_responded_at', range)}) x) fr,
             (select percentile_cont(0.5) within group (order by m) as median, percentile_cont(0.9) within group (order by m) as p90
                from (select ${resolution} as m from tickets t${calendar} where ${ticketsWhere(scope, 'resolved_at', range)}) x) rs`);
    return {
      created: row.created,
      resolved: row.resolved,
      backlogChange: row.created - row.resolved,
      medianFirstResponseMinutes: row.median_first_response,
      p90FirstResponseMinutes: row.p90_first_response,
      medianResolutionMinutes: row.median_resolution,
      p90ResolutionMinutes: row.p90_resolution,
    };
  }

  async timeseries(ctx: AnalyticsContext, interval: Interval): Promise<[TicketSeriesBucket[], TicketSeriesBucket[]]> {
    const [current, previous] = await inTurn([ctx.period.current, ctx.period.previous], (range) => this.series(ctx, range, interval));
    return [current, previous];
  }

  private async series(ctx: AnalyticsContext, range: Range, interval: Interval): Promise<TicketSeriesBucket[]> {
    const keyOf = (column: string) => bucketKeyOf(trusted(`t.${column}`), range, ctx.timezone, interval);
    const rows = await query<{ start_ms: number; end_ms: number; label: string; created: number; resolved: number }>(this.em, sql`
      with buckets as (${bucketSeries(range, ctx.timezone, interval)}),
           a as (select e.key, sum(e.created)::int as created, sum(e.resolved)::int as resolved
                   from (select ${keyOf('created_at')} as key, 1 as created, 0 as resolved from tickets t where ${ticketsWhere(ctx, 'created_at', range)}
                         union all
                         select ${keyOf('resolved_at')}, 0, 1 from tickets t where ${ticketsWhere(ctx, 'resolved_at', range)}) e
                  group by e.key)
      select b.start_ms, b.end_ms, b.label, coalesce(a.created, 0) as created, coalesce(a.resolved, 0) as resolved
        from buckets b left join a on a.key = b.key
       order by b.start_ms`);
    return rows.map((r) => ({ start: new Date(r.start_ms), end: new Date(r.end_ms), label: r.label, created: r.created, resolved: r.resolved, backlogChange: r.created - r.resolved }));
  }

  async breakdown(ctx: AnalyticsContext): Promise<[TicketBreakdown, TicketBreakdown]> {
    const [current, previous] = await inTurn([ctx.period.current, ctx.period.previous], (range) => this.breakdownOf(ctx, range));
    return [current, previous];
  }

  /** Tickets created in the range by their current status, priority and channel (every value listed) and by tag (the most used). */
  private async breakdownOf(scope: Scope, range: Range): Promise<TicketBreakdown> {
    const created = ticketsWhere(scope, 'created_at', range);
    const rows = await query<{ dimension: 'status' | 'priority' | 'channel' | 'tag'; key: string; tickets: number }>(this.em, sql`
      select 'status' as dimension, t.status::text as key, count(*)::int as tickets from tickets t where ${created} group by t.status
      union all
      select 'priority', t.priority::text, count(*)::int from tickets t where ${created} group by t.priority
      union all
      select 'channel', t.channel::text, count(*)::int from tickets t where ${created} group by t.channel
      union all
      (select 'tag', tag, count(*)::int from tickets t cross join unnest(t.tags) as tag where ${created}
        group by tag order by count(*) desc, tag limit ${BREAKDOWN_TAGS})`);
    const counts = <K extends string>(dimension: string, keys: readonly K[]) =>
      keys.map((key) => ({ key, tickets: rows.find((r) => r.dimension === dimension && r.key === key)?.tickets ?? 0 }));
    return {
      byStatus: counts('status', TICKET_STATUSES),
      byPriority: counts('priority', TICKET_PRIORITIES),
      byChannel: counts('channel', TICKET_CHANNELS),
      byTag: rows.filter((r) => r.dimension === 'tag').map((r) => ({ key: r.key, tickets: r.tickets })),
    };
  }
}
