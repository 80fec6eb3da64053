import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility } from '@callpro/permissions';
import { CurrentAbility, Policy } from '../common/auth/decorators';
import { notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { ListQuery } from '../common/rest/list-query';
import { ListQueryParam } from '../common/rest/list-query.decorator';
import { setListHeaders } from '../common/rest/list-response';
import { SLA_EVENT_LIST, SlaEventsService } from './sla-events.service';
import { SlaEventResponse } from './dto/sla-event.response';

const eventId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('SLA event') });

/** The ticket ids a (validated) filter names. */
function ticketIdsOf(filter: string | undefined): string[] {
  const value = filter ? (JSON.parse(filter) as Record<string, unknown>).ticketId : undefined;
  return (Array.isArray(value) ? value : value ? [value] : []) as string[];
}

@ApiTags('sla-events')
@Controller('sla-events')
export class SlaEventsController {
  constructor(private readonly events: SlaEventsService) {}

  @Get()
  @Policy('read', 'SlaEvent')
  @ApiOperation({
    summary: 'The SLA log (read-only): applied, paused, resumed, warning, breached, met',
    description: 'Filter by `ticketId` for one ticket\'s log (404 if the ticket is not readable).',
  })
  @ApiListQuery(SLA_EVENT_LIST, SlaEventResponse)
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'The `ticketId` filter names no readable ticket' })
  async list(
    @ListQueryParam(SLA_EVENT_LIST) query: ListQuery,
    @Query('filter') filter: string | undefined,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaEventResponse[]> {
    const { rows, total } = await this.events.list(ability, query, ticketIdsOf(filter));
    setListHeaders(reply, SLA_EVENT_LIST.resource, query.offset, rows.length, total);
    return rows.map(SlaEventResponse.from);
  }

  @Get(':id')
  @Policy('read', 'SlaEvent')
  @ApiOperation({ summary: 'Get one SLA event' })
  @ApiOkResponse({ type: SlaEventResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such SLA event in this tenant' })
  async get(@Param('id', eventId()) id: string, @CurrentAbility() ability: AppAbility): Promise<SlaEventResponse> {
    return SlaEventResponse.from(await this.events.get(ability, id));
  }
}
