import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Interval, Range } from './analytics-period';
import type { AnalyticsContext } from './analytics-context';
import { bucketKeyOf, bucketKeyOfDay, bucketSeries } from './buckets.sql';
import { CALL_FIGURES_FROM_SUMS, callFacts, QUARTER_OF_CALL, quarterHourFacts, rawCallsIn, SUMMED_CALL_FIGURES, talkTimePercentile } from './calls-analytics.sql';
import { rawOnly, splitForRollups, type RollupSplit } from './rollup-bounds';
import { inTurn, query, sql, trusted } from './sql';
import { CallFigures, CallHeatmapCell, CallSeriesBucket } from './dto/calls-analytics.response';

interface CallFiguresRow {
  total: number;
  inbound: number;
  outbound: number;
  answered: number;
  missed: number;
  abandoned: number;
  answer_rate: number | null;
  avg_talk_seconds: number | null;
  avg_handle_seconds: number | null;
}

const toFigures = (r: CallFiguresRow) => ({
  total: r.total,
  inbound: r.inbound,
  outbound: r.outbound,
  answered: r.answered,
  missed: r.missed,
  abandoned: r.abandoned,
  answerRate: r.answer_rate,
  avgTalkSeconds: r.avg_talk_seconds,
  avgHandleSeconds: r.avg_handle_seconds,
});

/** Call figures: whole local days from call_daily_rollups, partial edges from call_logs. */
@Injectable()
export class CallsAnalyticsService {
  constructor(private readonly em: EntityManager) {}

  /** The summary's call figures for the current and the previous period. */
  async summary(ctx: AnalyticsContext): Promise<[CallFigures, CallFigures]> {
    const ranges = [ctx.period.current, ctx.period.previous];
    const splits = await splitForRollups(this.em, ctx.tenantTimezone, ranges);
    const [current, previous] = await inTurn(ranges, (range, i) => this.figures(ctx, range, splits[i]));
    return [current, previous];
  }

  private async figures(ctx: AnalyticsContext, range: Range, split: RollupSplit): Promise<CallFigures> {
    const [row] = await query<CallFiguresRow & { p90_talk_seconds: number | null }>(this.em, sql`
      select ${CALL_FIGURES_FROM_SUMS},
             (${talkTimePercentile(ctx, range, split, 0.9)}) as p90_talk_seconds
        from (select ${SUMMED_CALL_FIGURES} from (${callFacts(ctx, split)}) f) a`);
    return { ...toFigures(row), p90TalkSeconds: row.p90_talk_seconds };
  }

  /** One series per period; rollups serve day/week/month buckets in the tenant's own zone. */
  async timeseries(ctx: AnalyticsContext, interval: Interval): Promise<[CallSeriesBucket[], CallSeriesBucket[]]> {
    const ranges = [ctx.period.current, ctx.period.previous];
    const rollups = interval !== 'hour' && ctx.timezone === ctx.tenantTimezone;
    const splits = rollups ? await splitForRollups(this.em, ctx.tenantTimezone, ranges) : ranges.map(rawOnly);
    const [current, previous] = await inTurn(ranges, (range, i) => this.series(ctx, range, splits[i], interval));
    return [current, previous];
  }

  private async series(ctx: AnalyticsContext, range: Range, split: RollupSplit, interval: Interval): Promise<CallSeriesBucket[]> {
    const facts =
      split.days && interval !== 'hour'
        ? callFacts(ctx, split, {
            rollup: sql`${bucketKeyOfDay(trusted('r.day'), interval)} as key, `,
            raw: sql`${bucketKeyOf(trusted('c.started_at'), range, ctx.timezone, interval)} as key, `,
          })
        : quarterHourFacts(ctx, range, (quarter) => bucketKeyOf(quarter, range, ctx.timezone, interval));
    const rows = await query<CallFiguresRow & { start_ms: number; end_ms: number; label: string }>(this.em, sql`
      with buckets as (${bucketSeries(range, ctx.timezone, interval)}),
           a as (select f.key, ${SUMMED_CALL_FIGURES} from (${facts}) f group by f.key)
      select b.start_ms, b.end_ms, b.label, ${CALL_FIGURES_FROM_SUMS}
        from buckets b left join a on a.key = b.key
       order by b.start_ms`);
    return rows.map((r) => ({ start: new Date(r.start_ms), end: new Date(r.end_ms), label: r.label, ...toFigures(r) }));
  }

  /** Inbound volume and answer rate by local weekday (ISO: 1 = Monday) and hour, all 168 cells (calls added up per quarter hour first, see quarterHourFacts). */
  async heatmap(ctx: AnalyticsContext): Promise<[CallHeatmapCell[], CallHeatmapCell[]]> {
    const [current, previous] = await inTurn([ctx.period.current, ctx.period.previous], (range) => this.heatmapOf(ctx, range));
    return [current, previous];
  }

  private async heatmapOf(ctx: AnalyticsContext, range: Range): Promise<CallHeatmapCell[]> {
    const tz = sql`${ctx.timezone}::text`;
    const rows = await query<{ weekday: number; hour: number; inbound: number; answered: number; answer_rate: number | null }>(this.em, sql`
      with q as (
        select ${QUARTER_OF_CALL} as quarter, count(*) as inbound, count(*) filter (where c.outcome = 'answered') as answered
          from call_logs c
         where ${rawCallsIn(ctx, range)} and c.direction = 'inbound'
         group by 1),
      a as (
        select extract(isodow from q.quarter at time zone ${tz})::int as weekday, extract(hour from q.quarter at time zone ${tz})::int as hour,
               sum(q.inbound)::int as inbound, sum(q.answered)::int as answered
          from q
         group by 1, 2)
      select d.weekday, h.hour, coalesce(a.inbound, 0) as inbound, coalesce(a.answered, 0) as answered,
             a.answered::float8 / nullif(a.inbound, 0) as answer_rate
        from generate_series(1, 7) d(weekday)
       cross join generate_series(0, 23) h(hour)
        left join a on a.weekday = d.weekday and a.hour = h.hour
       order by d.weekday, h.hour`);
    return rows.map((r) => ({ weekday: r.weekday, hour: r.hour, inbound: r.inbound, answered: r.answered, answerRate: r.answer_rate }));
  }
}
