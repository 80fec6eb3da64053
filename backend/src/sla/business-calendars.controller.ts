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
import { BUSINESS_CALENDAR_LIST, BusinessCalendarsService } from './business-calendars.service';
import { CreateBusinessCalendarDto } from './dto/create-business-calendar.dto';
import { UpdateBusinessCalendarDto } from './dto/update-business-calendar.dto';
import { BusinessCalendarResponse } from './dto/business-calendar.response';

const calendarId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Business calendar') });
const NOT_FOUND = { type: ProblemResponse, description: 'No such business calendar in this tenant' };
const INVALID = { type: ProblemResponse, description: 'Invalid fields (`errors` by field): unknown time zone, never open (`errors.intervals`), bad holiday range' };
const NAME_TAKEN = { type: ProblemResponse, description: 'The name is already in use (`errors.name`)' };

@ApiTags('business-calendars')
@Controller('business-calendars')
export class BusinessCalendarsController {
  constructor(private readonly calendars: BusinessCalendarsService) {}

  @Get()
  @Policy('read', 'BusinessCalendar')
  @ApiOperation({ summary: "List the tenant's business calendars" })
  @ApiListQuery(BUSINESS_CALENDAR_LIST, BusinessCalendarResponse)
  async list(
    @ListQueryParam(BUSINESS_CALENDAR_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BusinessCalendarResponse[]> {
    const { rows, total } = await this.calendars.list(ability, query);
    setListHeaders(reply, BUSINESS_CALENDAR_LIST.resource, query.offset, rows.length, total);
    return rows.map(BusinessCalendarResponse.from);
  }

  @Get(':id')
  @Policy('read', 'BusinessCalendar')
  @ApiOperation({ summary: 'Get a business calendar' })
  @ApiOkResponse({ type: BusinessCalendarResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(@Param('id', calendarId()) id: string, @CurrentAbility() ability: AppAbility): Promise<BusinessCalendarResponse> {
    return BusinessCalendarResponse.from(await this.calendars.get(ability, id));
  }

  @Post()
  @Policy('create', 'BusinessCalendar')
  @ApiOperation({ summary: 'Add a business calendar (org admins)' })
  @ApiCreatedResponse({ type: BusinessCalendarResponse })
  @ApiBadRequestResponse(INVALID)
  @ApiConflictResponse(NAME_TAKEN)
  async create(@Body() body: CreateBusinessCalendarDto, @CurrentAbility() ability: AppAbility): Promise<BusinessCalendarResponse> {
    return BusinessCalendarResponse.from(await this.calendars.create(ability, body));
  }

  @Put(':id')
  @Policy('update', 'BusinessCalendar')
  @ApiOperation({
    summary: 'Change a business calendar (org admins)',
    description: 'Due times of open tickets under policies that use it are recomputed in the same transaction.',
  })
  @ApiOkResponse({ type: BusinessCalendarResponse })
  @ApiBadRequestResponse(INVALID)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(NAME_TAKEN)
  async update(@Param('id', calendarId()) id: string, @Body() body: UpdateBusinessCalendarDto, @CurrentAbility() ability: AppAbility): Promise<BusinessCalendarResponse> {
    return BusinessCalendarResponse.from(await this.calendars.update(ability, id, body));
  }

  @Delete(':id')
  @Policy('delete', 'BusinessCalendar')
  @ApiOperation({ summary: 'Delete a business calendar that no policy uses (org admins); returns it' })
  @ApiOkResponse({ type: BusinessCalendarResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ProblemResponse, description: 'SLA policies use it' })
  async remove(@Param('id', calendarId()) id: string, @CurrentAbility() ability: AppAbility): Promise<BusinessCalendarResponse> {
    return BusinessCalendarResponse.from(await this.calendars.remove(ability, id));
  }
}
