import { applyDecorators, Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility, Principal } from '@callpro/permissions';
import { CurrentAbility, CurrentPrincipal, Policy } from '../common/auth/decorators';
import { ProblemResponse } from '../common/http/problem.response';
import { AnalyticsService } from './analytics.service';
import { AgentsQueryDto, AnalyticsQueryDto, ExportQueryDto, SeriesQueryDto } from './dto/analytics-query.dto';
import { AgentsLeaderboardResponse } from './dto/agents-analytics.response';
import { CallsHeatmapResponse, CallsTimeseriesResponse } from './dto/calls-analytics.response';
import { SlaAnalyticsResponse } from './dto/sla-analytics.response';
import { SummaryResponse } from './dto/summary.response';
import { TicketsBreakdownResponse, TicketsTimeseriesResponse } from './dto/tickets-analytics.response';

const SCOPE =
  'Org admins, supervisors, super admins (with X-Tenant-Id) and API keys with `analytics:read` see the whole tenant and may narrow it with `agentId`; an agent always gets their own figures (but not the leaderboard, which compares people). ' +
  'Every answer carries the same figures for the previous period of equal length (`previousFigures`).';

/** Policy, shared filters' errors and the scope note every analytics route has. */
const AnalyticsRoute = (summary: string, description = '') =>
  applyDecorators(
    Policy('read', 'Analytics'),
    ApiOperation({ summary, description: `${description}${description ? '\n\n' : ''}${SCOPE}` }),
    ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid filters (`errors` by field): `to` not after `from`, a period over 400 days, an unknown time zone' }),
    ApiNotFoundResponse({ type: ProblemResponse, description: '`agentId` is not a user of this tenant' }),
  );

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('summary')
  @AnalyticsRoute(
    'Call, ticket and SLA key figures of a period',
    'Calls started in the period; tickets created, resolved and first answered in it. Ratios are 0–1.',
  )
  @ApiOkResponse({ type: SummaryResponse })
  summary(@Query() dto: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<SummaryResponse> {
    return this.analytics.summary(principal, ability, dto);
  }

  @Get('calls/timeseries')
  @AnalyticsRoute('Call figures per hour, day, week or month', 'Buckets follow the local calendar of `timezone`; empty buckets are included.')
  @ApiOkResponse({ type: CallsTimeseriesResponse })
  callsTimeseries(@Query() dto: SeriesQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<CallsTimeseriesResponse> {
    return this.analytics.callsTimeseries(principal, ability, dto);
  }

  @Get('calls/heatmap')
  @AnalyticsRoute('Inbound calls and answer rate by local weekday and hour')
  @ApiOkResponse({ type: CallsHeatmapResponse })
  callsHeatmap(@Query() dto: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<CallsHeatmapResponse> {
    return this.analytics.callsHeatmap(principal, ability, dto);
  }

  @Get('tickets/timeseries')
  @AnalyticsRoute('Tickets created and resolved per hour, day, week or month', 'Buckets follow the local calendar of `timezone`; empty buckets are included.')
  @ApiOkResponse({ type: TicketsTimeseriesResponse })
  ticketsTimeseries(@Query() dto: SeriesQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<TicketsTimeseriesResponse> {
    return this.analytics.ticketsTimeseries(principal, ability, dto);
  }

  @Get('tickets/breakdown')
  @AnalyticsRoute('Tickets created in a period by status, priority, channel and tag')
  @ApiOkResponse({ type: TicketsBreakdownResponse })
  ticketsBreakdown(@Query() dto: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<TicketsBreakdownResponse> {
    return this.analytics.ticketsBreakdown(principal, ability, dto);
  }

  @Get('agents')
  @AnalyticsRoute('Agent leaderboard: calls handled, answer rate, handle time, tickets resolved, first response')
  @ApiForbiddenResponse({ type: ProblemResponse, description: 'Not for agents: the leaderboard compares people, so it needs team-wide analytics' })
  @ApiOkResponse({ type: AgentsLeaderboardResponse })
  agents(@Query() dto: AgentsQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<AgentsLeaderboardResponse> {
    return this.analytics.agentsLeaderboard(principal, ability, dto);
  }

  @Get('sla')
  @AnalyticsRoute(
    'SLA compliance per policy and metric, breaches per day, tickets about to breach',
    'Compliance counts the SLA targets that fell due in the period: met in time, or breached (a late answer is a breach). Agents: tickets assigned to them.',
  )
  @ApiOkResponse({ type: SlaAnalyticsResponse })
  sla(@Query() dto: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<SlaAnalyticsResponse> {
    return this.analytics.slaFigures(principal, ability, dto);
  }

  @Get('export')
  @AnalyticsRoute(
    'Download calls, tickets or the leaderboard of a period as CSV',
    'Streamed (UTF-8 with BOM, header row, ISO-8601 UTC times) as `<report>-<from>-<to>.csv`. Agents get only their own calls and tickets, and no `agents` report.',
  )
  @ApiForbiddenResponse({ type: ProblemResponse, description: 'An agent asking for the `agents` report (the leaderboard), or another agent’s rows' })
  @ApiOkResponse({ description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@Query() dto: ExportQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<StreamableFile> {
    const { filename, stream } = await this.analytics.exportCsv(principal, ability, dto);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }
}
