import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility } from '@callpro/permissions';
import { CurrentAbility, Policy } from '../common/auth/decorators';
import { notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { ListQuery } from '../common/rest/list-query';
import { ListQueryParam } from '../common/rest/list-query.decorator';
import { setListHeaders } from '../common/rest/list-response';
import { DISPOSITION_LIST } from './disposition-list';
import { DispositionsService } from './dispositions.service';
import { CreateDispositionDto } from './dto/create-disposition.dto';
import { UpdateDispositionDto } from './dto/update-disposition.dto';
import { DispositionResponse } from './dto/disposition.response';

const dispositionId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Disposition') });
const NOT_FOUND = { type: ProblemResponse, description: 'No such disposition in this tenant' };
const NAME_TAKEN = { type: ProblemResponse, description: 'The name is already in use (`errors.name`)' };

@ApiTags('dispositions')
@Controller('dispositions')
export class DispositionsController {
  constructor(private readonly dispositions: DispositionsService) {}

  @Get()
  @Policy('read', 'Disposition')
  @ApiOperation({ summary: "List the tenant's call dispositions", description: 'Sorted by `position` unless asked otherwise.' })
  @ApiListQuery(DISPOSITION_LIST, DispositionResponse)
  async list(
    @ListQueryParam(DISPOSITION_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DispositionResponse[]> {
    const { rows, total } = await this.dispositions.list(ability, query);
    setListHeaders(reply, DISPOSITION_LIST.resource, query.offset, rows.length, total);
    return rows.map(DispositionResponse.from);
  }

  @Get(':id')
  @Policy('read', 'Disposition')
  @ApiOperation({ summary: 'Get a disposition' })
  @ApiOkResponse({ type: DispositionResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(@Param('id', dispositionId()) id: string, @CurrentAbility() ability: AppAbility): Promise<DispositionResponse> {
    return DispositionResponse.from(await this.dispositions.get(ability, id));
  }

  @Post()
  @Policy('create', 'Disposition')
  @ApiOperation({ summary: 'Add a disposition (org admins)' })
  @ApiCreatedResponse({ type: DispositionResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field)' })
  @ApiConflictResponse(NAME_TAKEN)
  async create(@Body() body: CreateDispositionDto, @CurrentAbility() ability: AppAbility): Promise<DispositionResponse> {
    return DispositionResponse.from(await this.dispositions.create(ability, body));
  }

  @Put(':id')
  @Policy('update', 'Disposition')
  @ApiOperation({ summary: 'Rename, reorder or (de)activate a disposition (org admins)', description: 'A rename carries over to the call logs that carry it.' })
  @ApiOkResponse({ type: DispositionResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid fields (`errors` by field)' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(NAME_TAKEN)
  async update(@Param('id', dispositionId()) id: string, @Body() body: UpdateDispositionDto, @CurrentAbility() ability: AppAbility): Promise<DispositionResponse> {
    return DispositionResponse.from(await this.dispositions.update(ability, id, body));
  }

  @Delete(':id')
  @Policy('delete', 'Disposition')
  @ApiOperation({ summary: 'Delete an unused disposition (org admins); returns it' })
  @ApiOkResponse({ type: DispositionResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ProblemResponse, description: 'Call logs still carry it: deactivate it instead' })
  async remove(@Param('id', dispositionId()) id: string, @CurrentAbility() ability: AppAbility): Promise<DispositionResponse> {
    return DispositionResponse.from(await this.dispositions.remove(ability, id));
  }
}
