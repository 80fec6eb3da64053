import { Body, Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility, Principal } from '@callpro/permissions';
import { CurrentAbility, CurrentPrincipal, Policy } from '../common/auth/decorators';
import { notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { ListQuery } from '../common/rest/list-query';
import { ListQueryParam } from '../common/rest/list-query.decorator';
import { setListHeaders } from '../common/rest/list-response';
import { TICKET_LIST, TicketsService } from './tickets.service';
import { TicketsBulkService } from './tickets-bulk.service';
import { etagOf } from '../common/http/if-match';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { BulkUpdateTicketsDto } from './dto/bulk-update-tickets.dto';
import { TicketResponse } from './dto/ticket.response';

const ticketId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Ticket') });
const ETAG_HEADER = { ETag: { description: 'The ticket version, for If-Match', schema: { type: 'string' } } };

@ApiTags('tickets')
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly bulk: TicketsBulkService,
  ) {}

  @Get()
  @Policy('read', 'Ticket')
  @ApiOperation({
    summary: 'List tickets',
    description: '`q` searches number, subject, description and requester (words, prefixes, phone digits); `#1042` finds ticket 1042. `assigneeId`: a user id, "me", or null for unassigned; `tags` match any.',
  })
  @ApiListQuery(TICKET_LIST, TicketResponse)
  async list(
    @ListQueryParam(TICKET_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketResponse[]> {
    const { rows, total } = await this.tickets.list(ability, query);
    setListHeaders(reply, TICKET_LIST.resource, query.offset, rows.length, total);
    return rows.map(TicketResponse.from);
  }

  @Patch('bulk')
  @Policy('update', 'Ticket')
  @ApiOperation({
    summary: 'Change status, assignee or priority of up to 500 tickets at once, all or nothing',
    description: 'Every ticket is checked against your permissions and the status transitions first; if one fails, nothing changes and the problem lists the failing tickets (`failures`, `ids`).',
  })
  @ApiOkResponse({ type: [TicketResponse], description: 'The tickets after the change' })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid body (`errors` by field)' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'Some ids are not tickets of this tenant; nothing changed' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'An illegal status transition for some tickets; nothing changed' })
  async bulkUpdate(@Body() body: BulkUpdateTicketsDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<TicketResponse[]> {
    return (await this.bulk.update(principal, ability, body)).map(TicketResponse.from);
  }

  @Get(':id')
  @Policy('read', 'Ticket')
  @ApiOperation({ summary: 'Get a ticket (ETag = its version)' })
  @ApiOkResponse({ type: TicketResponse, headers: ETAG_HEADER })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such ticket in this tenant' })
  async get(
    @Param('id', ticketId()) id: string,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketResponse> {
    const ticket = await this.tickets.get(ability, id);
    void reply.header('ETag', etagOf(ticket.version));
    return TicketResponse.from(ticket);
  }

  @Post()
  @Policy('create', 'Ticket')
  @ApiOperation({ summary: 'Create a ticket (status new, next number of the tenant)' })
  @ApiCreatedResponse({ type: TicketResponse, headers: ETAG_HEADER })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field), or no tenant chosen' })
  async create(
    @Body() body: CreateTicketDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketResponse> {
    const ticket = await this.tickets.create(principal, ability, body);
    void reply.header('ETag', etagOf(ticket.version));
    return TicketResponse.from(ticket);
  }

  @Put(':id')
  @Policy('update', 'Ticket')
  @ApiOperation({
    summary: 'Update a ticket (whole record as react-admin sends it; `version` or If-Match required)',
    description: 'Agents may change tickets assigned to them or unassigned, take an unassigned ticket or unassign themselves, but not assign a ticket to someone else.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag from GET; instead of (or as well as) `version` in the body' })
  @ApiOkResponse({ type: TicketResponse, headers: ETAG_HEADER })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field) or no version' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such ticket in this tenant' })
  @ApiConflictResponse({ type: ProblemResponse, description: '`version-conflict`: the ticket changed since that version; nothing changed' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: '`illegal-transition`, with the `allowed` statuses' })
  async update(
    @Param('id', ticketId()) id: string,
    @Body() body: UpdateTicketDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketResponse> {
    const ticket = await this.tickets.update(principal, ability, id, body, ifMatch);
    void reply.header('ETag', etagOf(ticket.version));
    return TicketResponse.from(ticket);
  }

  @Delete(':id')
  @Policy('delete', 'Ticket')
  @ApiOperation({ summary: 'Delete a ticket and its notes (org admins, supervisors); returns the deleted ticket' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such ticket in this tenant' })
  async remove(@Param('id', ticketId()) id: string, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<TicketResponse> {
    return TicketResponse.from(await this.tickets.remove(principal, ability, id));
  }
}
