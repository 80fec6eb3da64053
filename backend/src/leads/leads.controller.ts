import { Body, Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
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
import { LeadsService } from './leads.service';
import { LEAD_LIST } from './lead-list';
import { etagOf, parseIfMatch } from '../common/http/if-match';
import { CreateLeadDto } from './dto/create-lead.dto';
import { UpdateLeadDto } from './dto/update-lead.dto';
import { LeadResponse } from './dto/lead.response';

const leadId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Lead') });
const NOT_FOUND = { type: ProblemResponse, description: 'No such lead in this tenant' };
const ETAG = { ETag: { description: 'The lead\'s version, quoted; send it back as If-Match', schema: { type: 'string' } } };

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get()
  @Policy('read', 'Lead')
  @ApiOperation({
    summary: "List the tenant's leads",
    description: '`q` matches name, company and email parts and phone digits (local, international or partial numbers).',
  })
  @ApiListQuery(LEAD_LIST, LeadResponse)
  async list(
    @ListQueryParam(LEAD_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadResponse[]> {
    const { rows, total } = await this.leads.list(ability, query);
    setListHeaders(reply, LEAD_LIST.resource, query.offset, rows.length, total);
    return rows.map(LeadResponse.from);
  }

  @Get(':id')
  @Policy('read', 'Lead')
  @ApiOperation({ summary: 'Get a lead' })
  @ApiOkResponse({ type: LeadResponse, headers: ETAG })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(
    @Param('id', leadId()) id: string,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadResponse> {
    return withEtag(reply, LeadResponse.from(await this.leads.get(ability, id)));
  }

  @Post()
  @Policy('create', 'Lead')
  @ApiOperation({
    summary: 'Create a lead',
    description: 'The phone is stored as E.164 (local numbers read with the tenant\'s default country). Without `ownerId` the creating user owns the lead; agents can only create leads they own.',
  })
  @ApiCreatedResponse({ type: LeadResponse, headers: ETAG })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields, e.g. an invalid phone number (`errors` by field), or no tenant chosen' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'A lead with this phone number already exists (`errors.phone`)' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'The owner is not an active user of this tenant (`errors.ownerId`)' })
  async create(
    @Body() body: CreateLeadDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadResponse> {
    return withEtag(reply, LeadResponse.from(await this.leads.create(principal, ability, body)));
  }

  @Put(':id')
  @Policy('update', 'Lead')
  @ApiOperation({
    summary: 'Update a lead',
    description: 'Send the `version` you read (or `If-Match`); a stale one is a 409 and nothing changes. Agents update only their own leads and cannot hand them to someone else.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (quoted version) you read' })
  @ApiOkResponse({ type: LeadResponse, headers: ETAG })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields, e.g. an invalid phone number (`errors` by field)' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ProblemResponse, description: 'Stale version, or a lead with this phone number already exists (`errors.phone`)' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'The owner is not an active user of this tenant (`errors.ownerId`)' })
  async update(
    @Param('id', leadId()) id: string,
    @Body() body: UpdateLeadDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadResponse> {
    return withEtag(reply, LeadResponse.from(await this.leads.update(ability, id, body, parseIfMatch(ifMatch))));
  }

  @Delete(':id')
  @Policy('delete', 'Lead')
  @ApiOperation({ summary: 'Delete a lead (org admins and supervisors); returns the deleted lead' })
  @ApiOkResponse({ type: LeadResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ProblemResponse, description: 'Other records (tickets, calls) still refer to the lead' })
  async remove(@Param('id', leadId()) id: string, @CurrentAbility() ability: AppAbility): Promise<LeadResponse> {
    return LeadResponse.from(await this.leads.remove(ability, id));
  }
}

function withEtag(reply: FastifyReply, lead: LeadResponse): LeadResponse {
  void reply.header('ETag', etagOf(lead.version));
  return lead;
}
