import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/auth/decorators';
import { ProblemException } from '../common/errors/problem';
import { Draining } from './draining.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
    private readonly draining: Draining,
  ) {}

  /** Liveness: the process answers. Does not touch the database. */
  @ApiOperation({ summary: 'Liveness probe (no dependencies)' })
  @ApiOkResponse({ description: 'The process answers', schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] } })
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Readiness: not shutting down, and the database answers a round trip. */
  @ApiOperation({ summary: 'Readiness probe (database round trip; 503 while the database is down or the instance shuts down)' })
  @Get('ready')
  @HealthCheck()
  async ready() {
    if (this.draining.active) {
      throw new ProblemException(503, 'service-unavailable', 'This instance is shutting down', { checks: { shutdown: { status: 'down' } } });
    }
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 1500 })]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const { details } = error.getResponse() as { details?: Record<string, unknown> };
      throw new ProblemException(503, 'service-unavailable', 'The database does not answer', { checks: details ?? {} });
    }
  }
}
