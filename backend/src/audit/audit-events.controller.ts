import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppAbility } from '@callpro/permissions';
import { CurrentAbility, Policy } from '../common/auth/decorators';
import { notFound } from '../common/errors/problem';
import { ProblemResponse } from '../common/http/problem.response';
import { ApiListQuery } from '../common/rest/api-list-query.decorator';
import type { ListQuery } from '../common/rest/list-query';
import { ListQueryParam } from '../common/rest/list-query.decorator';
import { setListHeaders } from '../common/rest/list-response';
import { AUDIT_EVENT_LIST, AuditService } from './audit.service';
import { AuditEventResponse } from './dto/audit-event.response';

const auditEventId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('Audit event') });

/** Read-only: the audit trail has no create, update or delete routes. */
@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Policy('read', 'AuditEvent')
  @ApiOperation({
    summary: 'List audit events (history), e.g. filter={"resource":"tickets","resourceId":"…"}',
    description: 'Org admins, supervisors and super admins only. Newest first by default.',
  })
  @ApiListQuery(AUDIT_EVENT_LIST, AuditEventResponse)
  async list(
    @ListQueryParam(AUDIT_EVENT_LIST) query: ListQuery,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditEventResponse[]> {
    const { rows, total } = await this.audit.list(ability, query);
    setListHeaders(reply, AUDIT_EVENT_LIST.resource, query.offset, rows.length, total);
    return rows.map(AuditEventResponse.from);
  }

  @Get(':id')
  @Policy('read', 'AuditEvent')
  @ApiOperation({ summary: 'Get one audit event' })
  @ApiOkResponse({ type: AuditEventResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such audit event in this tenant' })
  async get(@Param('id', auditEventId()) id: string, @CurrentAbility() ability: AppAbility): Promise<AuditEventResponse> {
    return AuditEventResponse.from(await this.audit.get(ability, id));
  }
}
