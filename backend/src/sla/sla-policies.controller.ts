import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility } from '@callpro/permissions';
import { CurrentAbility, Policy } from '../common/auth/decorators';
import { notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { ListQuery } from '../common/rest/list-query';
import { ListQueryParam } from '../common/rest/list-query.decorator';
import { setListHeaders } from '../common/rest/list-response';
import { etagOf } from '../common/http/if-match';
import { SLA_POLICY_LIST, SlaPoliciesService } from './sla-policies.service';
import { CreateSlaPolicyDto } from './dto/create-sla-policy.dto';
import { UpdateSlaPolicyDto } from './dto/update-sla-policy.dto';
import { ReorderSlaPoliciesDto } from './dto/reorder-sla-policies.dto';
import { SlaPolicyResponse } from './dto/sla-policy.response';

const policyId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('SLA policy') });
const ETAG_HEADER = { ETag: { description: 'The policy version, for If-Match', schema: { type: 'string' } } };
const NOT_FOUND = { type: ProblemResponse, description: 'No such SLA policy in this tenant' };
const INVALID = { type: ProblemResponse, description: 'Invalid fields (`errors` by field): no target, warnAtPercent not ascending, unknown calendar' };
const NAME_TAKEN = { type: ProblemResponse, description: 'The name is already in use (`errors.name`)' };

@ApiTags('sla-policies')
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @Policy('read', 'SlaPolicy')
  @ApiOperation({ summary: "List the tenant's SLA policies", description: 'In matching order (`position`) unless asked otherwise.' })
  @ApiListQuery(SLA_POLICY_LIST, SlaPolicyResponse)
  async list(
    @ListQueryParam(SLA_POLICY_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaPolicyResponse[]> {
    const { rows, total } = await this.policies.list(ability, query);
    setListHeaders(reply, SLA_POLICY_LIST.resource, query.offset, rows.length, total);
    return rows.map(SlaPolicyResponse.from);
  }

  @Post('reorder')
  @HttpCode(200)
  @Policy('update', 'SlaPolicy')
  @ApiOperation({ summary: 'Set the matching order (org admins)', description: '`ids` lists every policy of the tenant once, first match first. Open tickets are re-matched.' })
  @ApiOkResponse({ type: [SlaPolicyResponse], description: 'The policies in their new order' })
  @ApiBadRequestResponse({ type: ProblemResponse, description: '`errors.ids`: not every policy exactly once' })
  async reorder(@Body() body: ReorderSlaPoliciesDto, @CurrentAbility() ability: AppAbility): Promise<SlaPolicyResponse[]> {
    return (await this.policies.reorder(ability, body.ids)).map(SlaPolicyResponse.from);
  }

  @Get(':id')
  @Policy('read', 'SlaPolicy')
  @ApiOperation({ summary: 'Get an SLA policy (ETag = its version)' })
  @ApiOkResponse({ type: SlaPolicyResponse, headers: ETAG_HEADER })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(@Param('id', policyId()) id: string, @CurrentAbility() ability: AppAbility, @Res({ passthrough: true }) reply: FastifyReply): Promise<SlaPolicyResponse> {
    const policy = await this.policies.get(ability, id);
    void reply.header('ETag', etagOf(policy.version));
    return SlaPolicyResponse.from(policy);
  }

  @Post()
  @Policy('create', 'SlaPolicy')
  @ApiOperation({ summary: 'Add an SLA policy (org admins)', description: 'Open tickets it now matches first are re-matched.' })
  @ApiCreatedResponse({ type: SlaPolicyResponse, headers: ETAG_HEADER })
  @ApiBadRequestResponse(INVALID)
  @ApiConflictResponse(NAME_TAKEN)
  async create(@Body() body: CreateSlaPolicyDto, @CurrentAbility() ability: AppAbility, @Res({ passthrough: true }) reply: FastifyReply): Promise<SlaPolicyResponse> {
    const policy = await this.policies.create(ability, body);
    void reply.header('ETag', etagOf(policy.version));
    return SlaPolicyResponse.from(policy);
  }

  @Put(':id')
  @Policy('update', 'SlaPolicy')
  @ApiOperation({
    summary: 'Change an SLA policy (org admins; `version` or If-Match required)',
    description: 'Open tickets on it, or that it now matches first, are re-matched in the same transaction; time they spent paused carries over.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag from GET; instead of (or as well as) `version` in the body' })
  @ApiOkResponse({ type: SlaPolicyResponse, headers: ETAG_HEADER })
  @ApiBadRequestResponse(INVALID)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ProblemResponse, description: '`version-conflict`: changed since that version, nothing changed; or the name is in use' })
  async update(
    @Param('id', policyId()) id: string,
    @Body() body: UpdateSlaPolicyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaPolicyResponse> {
    const policy = await this.policies.update(ability, id, body, ifMatch);
    void reply.header('ETag', etagOf(policy.version));
    return SlaPolicyResponse.from(policy);
  }

  @Delete(':id')
  @Policy('delete', 'SlaPolicy')
  @ApiOperation({ summary: 'Delete an SLA policy (org admins); returns it', description: 'Its open tickets move to the next matching policy.' })
  @ApiOkResponse({ type: SlaPolicyResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async remove(@Param('id', policyId()) id: string, @CurrentAbility() ability: AppAbility): Promise<SlaPolicyResponse> {
    return SlaPolicyResponse.from(await this.policies.remove(ability, id));
  }
}
