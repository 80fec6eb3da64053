import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility, Principal } from '@callpro/permissions';
import { CurrentAbility, CurrentPrincipal, Policy } from '../common/auth/decorators';
import { notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { ListQuery } from '../common/rest/list-query';
import { ListQueryParam } from '../common/rest/list-query.decorator';
import { setListHeaders } from '../common/rest/list-response';
import { requireTicketFilter, TICKET_NOTE_LIST, TicketNotesService } from './ticket-notes.service';
import { CreateTicketNoteDto } from './dto/create-ticket-note.dto';
import { UpdateTicketNoteDto } from './dto/update-ticket-note.dto';
import { TicketNoteResponse } from './dto/ticket-note.response';

const noteId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Note') });

@ApiTags('ticket-notes')
@Controller('ticket-notes')
export class TicketNotesController {
  constructor(private readonly notes: TicketNotesService) {}

  @Get()
  @Policy('read', 'TicketNote')
  @ApiOperation({ summary: "List a ticket's notes: filter by ticketId (required, or id for getMany); oldest first" })
  @ApiListQuery(TICKET_NOTE_LIST, TicketNoteResponse)
  async list(
    @ListQueryParam(TICKET_NOTE_LIST) query: ListQuery,
    @Query('filter') rawFilter: string | undefined,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketNoteResponse[]> {
    requireTicketFilter({ filter: rawFilter });
    const { rows, total } = await this.notes.list(ability, query);
    setListHeaders(reply, TICKET_NOTE_LIST.resource, query.offset, rows.length, total);
    return rows.map(TicketNoteResponse.from);
  }

  @Get(':id')
  @Policy('read', 'TicketNote')
  @ApiOperation({ summary: 'Get a note' })
  @ApiOkResponse({ type: TicketNoteResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such note in this tenant' })
  async get(@Param('id', noteId()) id: string, @CurrentAbility() ability: AppAbility): Promise<TicketNoteResponse> {
    return TicketNoteResponse.from(await this.notes.get(ability, id));
  }

  @Post()
  @Policy('create', 'TicketNote')
  @ApiOperation({ summary: 'Add a note to a ticket (the first public note by staff is the first response)' })
  @ApiCreatedResponse({ type: TicketNoteResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field)' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such ticket in this tenant' })
  async create(@Body() body: CreateTicketNoteDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<TicketNoteResponse> {
    return TicketNoteResponse.from(await this.notes.create(principal, ability, body));
  }

  @Put(':id')
  @Policy('update', 'TicketNote')
  @ApiOperation({ summary: 'Edit a note (agents: their own, within 15 minutes)' })
  @ApiOkResponse({ type: TicketNoteResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field)' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such note in this tenant' })
  async update(
    @Param('id', noteId()) id: string,
    @Body() body: UpdateTicketNoteDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<TicketNoteResponse> {
    return TicketNoteResponse.from(await this.notes.update(principal, ability, id, body));
  }

  @Delete(':id')
  @Policy('delete', 'TicketNote')
  @ApiOperation({ summary: 'Delete a note (agents: their own, within 15 minutes); returns the deleted note' })
  @ApiOkResponse({ type: TicketNoteResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such note in this tenant' })
  async remove(@Param('id', noteId()) id: string, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<TicketNoteResponse> {
    return TicketNoteResponse.from(await this.notes.remove(principal, ability, id));
  }
}
