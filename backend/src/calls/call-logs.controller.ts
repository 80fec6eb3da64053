import { Body, Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
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
import type { RawListQuery } from '../common/rest/list-query';
import { setListHeaders } from '../common/rest/list-response';
import { CALL_LOG_LIST } from './call-log-list';
import { CallIngestService } from './call-ingest.service';
import { CallLogsService } from './call-logs.service';
import { parseIdempotencyKey, type StoredResponse } from './idempotency.service';
import { BulkCallLogsDto } from './dto/bulk-call-logs.dto';
import { BulkCallLogsResponse } from './dto/bulk-call-logs.response';
import { CallLogInputDto } from './dto/call-log-input.dto';
import { CallLogResponse } from './dto/call-log.response';
import { UpdateCallLogDto } from './dto/update-call-log.dto';

const callId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Call log') });
const NOT_FOUND = { type: ProblemResponse, description: 'No such call in this tenant (or not one of yours)' };
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retry-safe POST: for 24 h the same key with the same body replays the first answer (same status, header `Idempotent-Replayed: true`); with another body it is a 422.',
};
const REPLAYED = { 'Idempotent-Replayed': { description: '`true` when this is a stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string' } } };

@ApiTags('call-logs')
@Controller('call-logs')
export class CallLogsController {
  constructor(
    private readonly ingest: CallIngestService,
    private readonly calls: CallLogsService,
  ) {}

  @Get()
  @Policy('read', 'CallLog')
  @ApiOperation({
    summary: 'List calls (agents: their own)',
    description: '`q` is a prefix of either number: international (`+49 30…`, `0049 30…`), national (`030…`) or bare digits. `agentId`: a user id or "me".',
  })
  @ApiListQuery(CALL_LOG_LIST, CallLogResponse)
  // not @ListQueryParam: `q` reads national numbers with the tenant's calling code, so the service parses
  async list(
    @Query() raw: RawListQuery,
    @Headers('range') range: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CallLogResponse[]> {
    const { rows, total, offset } = await this.calls.list(principal, ability, raw, range);
    setListHeaders(reply, CALL_LOG_LIST.resource, offset, rows.length, total);
    return rows.map(CallLogResponse.from);
  }

  @Post('bulk')
  @Policy('create', 'CallLog')
  @ApiOperation({
    summary: 'Store up to 1,000 calls at once (offline sync); always 200 with a result per item',
    description:
      'Each item is checked on its own: valid items are stored even when others are rejected, and `rejected` lists the others by index with their errors by field (and the status a single POST would have answered). A repeated externalId moves the stored call forward (`updated`) or leaves it (`unchanged`).',
  })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: BulkCallLogsResponse, headers: REPLAYED })
  @ApiBadRequestResponse({ type: ProblemResponse, description: '`items` missing, empty or longer than 1,000' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'The Idempotency-Key was used with a different request' })
  async bulk(
    @Body() body: BulkCallLogsDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulkCallLogsResponse> {
    return send(reply, await this.ingest.ingestBulk(principal, ability, body.items, parseIdempotencyKey(key)));
  }

  @Post()
  @Policy('create', 'CallLog')
  @ApiOperation({
    summary: 'Store a call, or move a stored one (same externalId) through its lifecycle',
    description:
      'Numbers are stored as E.164; talkSeconds and ringSeconds are derived. The lead is matched by the other party\'s number. With an agent\'s token the call is that agent\'s; API keys (scope `calls:write`) may name `agentId`. A re-sent externalId moves the call forward (ringing → in_progress → completed) and answers 200; a stale or repeated one answers 200 with the stored call unchanged.',
  })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiCreatedResponse({ type: CallLogResponse, description: 'A new call', headers: REPLAYED })
  @ApiOkResponse({ type: CallLogResponse, description: 'The stored call with this externalId, moved forward or unchanged', headers: REPLAYED })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields, an invalid number, or times that do not fit together (`errors` by field)' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The externalId belongs to a call you may not change' })
  @ApiUnprocessableEntityResponse({
    type: ProblemResponse,
    description: 'agentId, leadId, ticketId or disposition is not one of this tenant\'s (`errors` by field), or the Idempotency-Key was used with a different request',
  })
  async create(
    @Body() body: CallLogInputDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CallLogResponse> {
    return send(reply, await this.ingest.ingestOne(principal, ability, body, parseIdempotencyKey(key)));
  }

  @Get(':id')
  @Policy('read', 'CallLog')
  @ApiOperation({ summary: 'Get a call' })
  @ApiOkResponse({ type: CallLogResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(@Param('id', callId()) id: string, @CurrentAbility() ability: AppAbility): Promise<CallLogResponse> {
    return CallLogResponse.from(await this.calls.get(ability, id));
  }

  @Put(':id')
  @Policy('update', 'CallLog')
  @ApiOperation({
    summary: "Set a call's disposition, notes, wrap-up time, ticket or lead",
    description: 'By the call\'s agent, supervisors and admins. The call\'s facts (numbers, times, outcome) come only from the dialer. An outbound call put on a ticket is its first response.',
  })
  @ApiOkResponse({ type: CallLogResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field)' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'leadId, ticketId or disposition is not one of this tenant\'s (`errors` by field)' })
  async update(
    @Param('id', callId()) id: string,
    @Body() body: UpdateCallLogDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<CallLogResponse> {
    return CallLogResponse.from(await this.calls.update(principal, ability, id, body));
  }

  @Delete(':id')
  @Policy('delete', 'CallLog')
  @ApiOperation({ summary: 'Delete a call (org admins and supervisors); returns it' })
  @ApiOkResponse({ type: CallLogResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async remove(@Param('id', callId()) id: string, @CurrentAbility() ability: AppAbility): Promise<CallLogResponse> {
    return CallLogResponse.from(await this.calls.remove(ability, id));
  }
}

/** Answers with the stored or fresh status; marks replays. */
function send<T>(reply: FastifyReply, response: StoredResponse<T> & { replayed?: boolean }): T {
  void reply.status(response.status);
  if (response.replayed) void reply.header('Idempotent-Replayed', 'true');
  return response.body;
}
