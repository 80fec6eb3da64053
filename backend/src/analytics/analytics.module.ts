import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock/clock.module';
import { AgentsAnalyticsService } from './agents-analytics.service';
import { AnalyticsContextResolver } from './analytics-context';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsExportService } from './analytics-export.service';
import { AnalyticsService } from './analytics.service';
import { CallsAnalyticsService } from './calls-analytics.service';
import { SlaAnalyticsService } from './sla-analytics.service';
import { TicketsAnalyticsService } from './tickets-analytics.service';

/** Read-only figures over calls, tickets and SLA events, computed in SQL (backend/src/analytics). */
@Module({
  imports: [ClockModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsContextResolver, AnalyticsService, CallsAnalyticsService, TicketsAnalyticsService, AgentsAnalyticsService, SlaAnalyticsService, AnalyticsExportService],
})
export class AnalyticsModule {}
