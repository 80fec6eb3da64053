import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/auth/decorators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
  ) {}

  /** Liveness: the process answers. Does not touch the database. */
  @ApiOperation({ summary: 'Liveness probe (no dependencies)' })
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers a round trip. */
  @ApiOperation({ summary: 'Readiness probe (database round trip)' })
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1500 })]);
  }
}
