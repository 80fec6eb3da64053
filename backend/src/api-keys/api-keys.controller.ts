import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
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
import { API_KEY_LIST } from './api-key-list';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { UpdateApiKeyDto } from './dto/update-api-key.dto';
import { ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response';

const keyId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('API key') });
const NOT_FOUND = { type: ProblemResponse, description: 'No such API key in this tenant' };

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Policy('read', 'ApiKey')
  @ApiOperation({ summary: "List the tenant's API keys (org admins)", description: '`q` matches the name and the prefix.' })
  @ApiListQuery(API_KEY_LIST, ApiKeyResponse)
  async list(
    @ListQueryParam(API_KEY_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApiKeyResponse[]> {
    const { rows, total } = await this.keys.list(ability, query);
    setListHeaders(reply, API_KEY_LIST.resource, query.offset, rows.length, total);
    const now = new Date();
    return rows.map((row) => ApiKeyResponse.from(row, now));
  }

  @Get(':id')
  @Policy('read', 'ApiKey')
  @ApiOperation({ summary: 'Get an API key (never its secret)' })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(@Param('id', keyId()) id: string, @CurrentAbility() ability: AppAbility): Promise<ApiKeyResponse> {
    return ApiKeyResponse.from(await this.keys.get(ability, id));
  }

  @Post()
  @Policy('create', 'ApiKey')
  @ApiOperation({
    summary: 'Create an API key; the answer holds its secret, shown this once',
    description: 'Only a SHA-256 hash of the secret is stored. Send the secret as `X-API-Key: cp_live_…` or `Authorization: Bearer cp_live_…`; the key acts only in this tenant and only within its scopes.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields, e.g. an unknown scope or an expiry in the past (`errors` by field)' })
  async create(@Body() body: CreateApiKeyDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<CreatedApiKeyResponse> {
    const { key, secret } = await this.keys.create(principal, ability, body);
    return CreatedApiKeyResponse.withSecret(key, secret);
  }

  @Put(':id')
  @Policy('update', 'ApiKey')
  @ApiOperation({ summary: 'Rename an API key', description: 'Scopes and expiry cannot change: create a new key and revoke the old one.' })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid name' })
  @ApiNotFoundResponse(NOT_FOUND)
  async update(
    @Param('id', keyId()) id: string,
    @Body() body: UpdateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ApiKeyResponse> {
    return ApiKeyResponse.from(await this.keys.update(principal, ability, id, body));
  }

  @Delete(':id')
  @Policy('delete', 'ApiKey')
  @ApiOperation({
    summary: 'Revoke an API key; returns it with revokedAt set',
    description: 'Requests with the key are refused (401) from now on, on every instance. The row stays for the record; revoking twice keeps the first revokedAt.',
  })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async revoke(@Param('id', keyId()) id: string, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<ApiKeyResponse> {
    return ApiKeyResponse.from(await this.keys.revoke(principal, ability, id));
  }
}
