import { Injectable } from '@nestjs/common';
import type { AppAbility, Principal } from '@callpro/permissions';
import { ClockService } from '../common/clock/clock.service';
import { AnalyticsContextResolver } from './analytics-context';
import { assertTeamAnalytics } from './analytics-scope';
import { AgentsAnalyticsService } from './agents-analytics.service';
import { AnalyticsExportService, type CsvExport } from './analytics-export.service';
import { CallsAnalyticsService } from './calls-analytics.service';
import { SlaAnalyticsService } from './sla-analytics.service';
import { TicketsAnalyticsService } from './tickets-analytics.service';
import { answerFor } from './dto/analytics-answer.response';
import type { AgentsQueryDto, AnalyticsQueryDto, ExportQueryDto, SeriesQueryDto } from './dto/analytics-query.dto';
import type { AgentsLeaderboardResponse } from './dto/agents-analytics.response';
import type { CallsHeatmapResponse, CallsTimeseriesResponse } from './dto/calls-analytics.response';
import type { SlaAnalyticsResponse } from './dto/sla-analytics.response';
import type { SummaryResponse } from './dto/summary.response';
import type { TicketsBreakdownResponse, TicketsTimeseriesResponse } from './dto/tickets-analytics.response';

/** One entry point per endpoint: resolves who and what period, then asks the figure services. */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly context: AnalyticsContextResolver,
    private readonly calls: CallsAnalyticsService,
    private readonly tickets: TicketsAnalyticsService,
    private readonly agents: AgentsAnalyticsService,
    private readonly sla: SlaAnalyticsService,
    private readonly exporter: AnalyticsExportService,
    private readonly clock: ClockService,
  ) {}

  async summary(principal: Principal, ability: AppAbility, dto: AnalyticsQueryDto): Promise<SummaryResponse> {
    const ctx = await this.context.resolve(principal, ability, dto);
    // one after another: they share the request's connection (inTurn)
    const [calls, previousCalls] = await this.calls.summary(ctx);
    const [tickets, previousTickets] = await this.tickets.summary(ctx);
    const [sla, previousSla] = await this.sla.summary(ctx);
    const openTickets = await this.tickets.openNow(ctx);
    return {
      ...answerFor(ctx),
      timeBasis: ctx.timeBasis,
      openTickets,
      current: { calls, tickets, sla },
      previousFigures: { calls: previousCalls, tickets: previousTickets, sla: previousSla },
    };
  }

  async callsTimeseries(principal: Principal, ability: AppAbility, dto: SeriesQueryDto): Promise<CallsTimeseriesResponse> {
    const interval = dto.interval ?? 'day';
    const ctx = await this.context.resolve(principal, ability, dto, interval);
    const [current, previousFigures] = await this.calls.timeseries(ctx, interval);
    return { ...answerFor(ctx), interval, current, previousFigures };
  }

  async callsHeatmap(principal: Principal, ability: AppAbility, dto: AnalyticsQueryDto): Promise<CallsHeatmapResponse> {
    const ctx = await this.context.resolve(principal, ability, dto);
    const [current, previousFigures] = await this.calls.heatmap(ctx);
    return { ...answerFor(ctx), current, previousFigures };
  }

  async ticketsTimeseries(principal: Principal, ability: AppAbility, dto: SeriesQueryDto): Promise<TicketsTimeseriesResponse> {
    const interval = dto.interval ?? 'day';
    const ctx = await this.context.resolve(principal, ability, dto, interval);
    const [current, previousFigures] = await this.tickets.timeseries(ctx, interval);
    return { ...answerFor(ctx), interval, current, previousFigures };
  }

  async ticketsBreakdown(principal: Principal, ability: AppAbility, dto: AnalyticsQueryDto): Promise<TicketsBreakdownResponse> {
    const ctx = await this.context.resolve(principal, ability, dto);
    const [current, previousFigures] = await this.tickets.breakdown(ctx);
    return { ...answerFor(ctx), current, previousFigures };
  }

  async agentsLeaderboard(principal: Principal, ability: AppAbility, dto: AgentsQueryDto): Promise<AgentsLeaderboardResponse> {
    assertTeamAnalytics(ability);
    const ctx = await this.context.resolve(principal, ability, dto);
    const order = { sort: dto.sort ?? 'callsHandled', order: dto.order ?? 'DESC' } as const;
    const [current, previousFigures] = await this.agents.leaderboard(ctx, order);
    return { ...answerFor(ctx), ...order, timeBasis: ctx.timeBasis, current, previousFigures };
  }

  async slaFigures(principal: Principal, ability: AppAbility, dto: AnalyticsQueryDto): Promise<SlaAnalyticsResponse> {
    const ctx = await this.context.resolve(principal, ability, dto);
    const asOf = this.clock.now();
    const [current, previousFigures] = await this.sla.figures(ctx);
    const breachingNextHour = await this.sla.breachingNextHour(ctx, asOf);
    return { ...answerFor(ctx), current, previousFigures, asOf, breachingNextHour };
  }

  async exportCsv(principal: Principal, ability: AppAbility, dto: ExportQueryDto): Promise<CsvExport> {
    if (dto.report === 'agents') assertTeamAnalytics(ability);
    const ctx = await this.context.resolve(principal, ability, dto);
    return this.exporter.csv(ctx, dto.report);
  }
}
