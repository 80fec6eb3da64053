import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility } from '@callpro/permissions';
import { CurrentAbility, Policy } from '../common/auth/decorators';
import { notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { ListQuery } from '../common/rest/list-query';
import { ListQueryParam } from '../common/rest/list-query.decorator';
import { setListHeaders } from '../common/rest/list-response';
import { TENANT_LIST, TenantsService } from './tenants.service';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { UpdateTenantDto } from './dto/update-tenant.dto';
import { TenantResponse } from './dto/tenant.response';

const tenantId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Tenant') });

@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @Policy('read', 'Tenant')
  @ApiOperation({ summary: 'List tenants (super admins: all; everybody else: their own)' })
  @ApiListQuery(TENANT_LIST, TenantResponse)
  async list(
    @ListQueryParam(TENANT_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TenantResponse[]> {
    const { rows, total } = await this.tenants.list(ability, query);
    setListHeaders(reply, TENANT_LIST.resource, query.offset, rows.length, total);
    return rows.map(TenantResponse.from);
  }

  @Get(':id')
  @Policy('read', 'Tenant')
  @ApiOperation({ summary: 'Get a tenant' })
  @ApiOkResponse({ type: TenantResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such tenant, or not yours' })
  async get(@Param('id', tenantId()) id: string, @CurrentAbility() ability: AppAbility): Promise<TenantResponse> {
    return TenantResponse.from(await this.tenants.get(ability, id));
  }

  @Post()
  @Policy('create', 'Tenant')
  @ApiOperation({ summary: 'Create a tenant together with its first org admin (super admins only)' })
  @ApiCreatedResponse({ type: TenantResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field, e.g. `admin.email`)' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The slug or the admin email is already in use' })
  async create(@Body() body: CreateTenantDto): Promise<TenantResponse> {
    return TenantResponse.from(await this.tenants.create(body));
  }

  @Put(':id')
  @Policy('update', 'Tenant')
  @ApiOperation({
    summary: 'Update a tenant. There is no DELETE: deactivate with active=false (its users can no longer log in)',
    description: 'Org admins may change name, timezone, defaultCountry and settings of their own tenant; slug and active only super admins.',
  })
  @ApiOkResponse({ type: TenantResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field)' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such tenant, or not yours' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The slug is already in use' })
  async update(@Param('id', tenantId()) id: string, @Body() body: UpdateTenantDto, @CurrentAbility() ability: AppAbility): Promise<TenantResponse> {
    return TenantResponse.from(await this.tenants.update(ability, id, body));
  }
}
