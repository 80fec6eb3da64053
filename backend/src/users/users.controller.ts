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
import { USER_LIST, UsersService } from './users.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';

const userId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('User') });

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Policy('read', 'User')
  @ApiOperation({ summary: "List the current tenant's users (super admins: choose the tenant with X-Tenant-Id)" })
  @ApiListQuery(USER_LIST, UserResponse)
  async list(
    @ListQueryParam(USER_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponse[]> {
    const { rows, total } = await this.users.list(ability, query);
    setListHeaders(reply, USER_LIST.resource, query.offset, rows.length, total);
    return rows.map(UserResponse.from);
  }

  @Get(':id')
  @Policy('read', 'User')
  @ApiOperation({ summary: 'Get a user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such user in this tenant' })
  async get(@Param('id', userId()) id: string, @CurrentAbility() ability: AppAbility): Promise<UserResponse> {
    return UserResponse.from(await this.users.get(ability, id));
  }

  @Post()
  @Policy('create', 'User')
  @ApiOperation({ summary: 'Create a user in the current tenant (org admins cannot create super admins)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field), or no tenant chosen' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The email is already in use' })
  async create(@Body() body: CreateUserDto, @CurrentAbility() ability: AppAbility): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(ability, body));
  }

  @Put(':id')
  @Policy('update', 'User')
  @ApiOperation({
    summary: 'Update a user. There is no DELETE: deactivate with active=false. Deactivation, role or password change ends their sessions',
    description: 'Agents may change only their own name, phone and password. The last active org admin cannot be demoted or deactivated.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field)' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such user in this tenant' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'Email already in use, or the last active org admin would be lost' })
  async update(@Param('id', userId()) id: string, @Body() body: UpdateUserDto, @CurrentAbility() ability: AppAbility): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(ability, id, body));
  }
}
