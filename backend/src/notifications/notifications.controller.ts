import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility, Principal } from '@callpro/permissions';
import { CurrentAbility, CurrentPrincipal, Policy } from '../common/auth/decorators';
import { principalUserId } from '../common/auth/authenticated-request';
import { forbidden, notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { RawListQuery } from '../common/rest/list-query';
import { setListHeaders } from '../common/rest/list-response';
import { NOTIFICATION_LIST, NotificationsService } from './notifications.service';
import { parseNotificationListQuery } from './notification-list-query';
import { NotificationResponse, ReadAllResponse, UnreadCountResponse } from './dto/notification.response';
import { UpdateNotificationDto } from './dto/update-notification.dto';

const notificationId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Notification') });

/** Notifications belong to users, not to API keys. */
function ownerOf(principal: Principal): string {
  const userId = principalUserId(principal);
  if (!userId) throw forbidden('Notifications belong to users');
  return userId;
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Policy('read', 'Notification')
  @ApiOperation({ summary: "List the caller's own notifications (filter read=false for unread ones)" })
  @ApiListQuery(NOTIFICATION_LIST, NotificationResponse)
  async list(
    @Query() raw: RawListQuery,
    @Headers('range') range: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NotificationResponse[]> {
    const query = parseNotificationListQuery(raw, range);
    const { rows, total } = await this.notifications.list(ownerOf(principal), query);
    setListHeaders(reply, NOTIFICATION_LIST.resource, query.offset, rows.length, total);
    return rows.map(NotificationResponse.from);
  }

  @Get('unread-count')
  @Policy('read', 'Notification')
  @ApiOperation({ summary: "Count the caller's unread notifications" })
  @ApiOkResponse({ type: UnreadCountResponse })
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountResponse> {
    return { count: await this.notifications.unreadCount(ownerOf(principal)) };
  }

  @Post('read-all')
  @HttpCode(200)
  @Policy('update', 'Notification')
  @ApiOperation({ summary: "Mark all the caller's notifications read" })
  @ApiOkResponse({ type: ReadAllResponse })
  async readAll(@CurrentPrincipal() principal: Principal): Promise<ReadAllResponse> {
    return { updated: await this.notifications.readAll(ownerOf(principal)) };
  }

  @Get(':id')
  @Policy('read', 'Notification')
  @ApiOperation({ summary: 'Get one of the caller’s notifications' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such notification of the caller' })
  async get(@Param('id', notificationId()) id: string, @CurrentPrincipal() principal: Principal): Promise<NotificationResponse> {
    return NotificationResponse.from(await this.notifications.get(ownerOf(principal), id));
  }

  @Put(':id')
  @Policy('update', 'Notification')
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read or unread' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: '`read` missing or not a boolean' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such notification of the caller' })
  async update(
    @Param('id', notificationId()) id: string,
    @Body() body: UpdateNotificationDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<NotificationResponse> {
    return NotificationResponse.from(await this.notifications.setRead(ability, ownerOf(principal), id, body.read));
  }
}
