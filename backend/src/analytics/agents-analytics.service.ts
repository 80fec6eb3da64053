import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AnalyticsContext } from './analytics-context';
import { leaderboardSql, toLeaderboardRow, type AgentFiguresRow, type AgentSortField, type LeaderboardRow } from './agents-analytics.sql';
import { splitForRollups } from './rollup-bounds';
import { query } from './sql';
import type { AgentFigures } from './dto/agents-analytics.response';

export interface LeaderboardOrder {
  sort: AgentSortField;
  order: 'ASC' | 'DESC';
}

const toFigures = (row: LeaderboardRow, f: AgentFiguresRow): AgentFigures => ({
  agentId: row.id,
  name: row.name,
  callsHandled: f.calls_handled,
  answerRate: f.answer_rate,
  avgHandleSeconds: f.avg_handle_seconds,
  ticketsResolved: f.tickets_resolved,
  medianFirstResponseMinutes: f.median_first_response_minutes,
  slaCompliance: f.sla_compliance,
});

@Injectable()
export class AgentsAnalyticsService {
  constructor(private readonly em: EntityManager) {}

  async leaderboard(ctx: AnalyticsContext, order: LeaderboardOrder): Promise<[AgentFigures[], AgentFigures[]]> {
    const rows = await this.rows(ctx, order);
    return [rows.map((r) => toFigures(r, r.current)), rows.map((r) => toFigures(r, r.previous))];
  }

  async rows(ctx: AnalyticsContext, order: LeaderboardOrder): Promise<LeaderboardRow[]> {
    const ranges = [ctx.period.current, ctx.period.previous] as const;
    const [current, previous] = await splitForRollups(this.em, ctx.tenantTimezone, ranges);
    const rows = await query<Record<string, unknown>>(this.em, leaderboardSql({ ...ctx, ...order, ranges, splits: [current, previous] }));
    return rows.map(toLeaderboardRow);
  }
}
