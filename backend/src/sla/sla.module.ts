import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { ClockModule } from '../common/clock/clock.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxModule } from '../outbox/outbox.module';
import { BusinessCalendar } from './business-calendar.entity';
import { BusinessCalendarsController } from './business-calendars.controller';
import { BusinessCalendarsService } from './business-calendars.service';
import { SlaAlerts } from './sla-alerts.service';
import { SlaEvent } from './sla-event.entity';
import { SlaEventsController } from './sla-events.controller';
import { SlaEventsService } from './sla-events.service';
import { SlaJob } from './sla.job';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaPolicy } from './sla-policy.entity';
import { SlaRematch } from './sla-rematch.service';
import { SlaService } from './sla.service';

/** Business calendars, SLA policies, the SLA log, applying SLAs to tickets (SlaService) and the SLA job. */
@Module({
  imports: [MikroOrmModule.forFeature([BusinessCalendar, SlaPolicy, SlaEvent]), ScheduleModule.forRoot(), ClockModule, NotificationsModule, OutboxModule],
  controllers: [BusinessCalendarsController, SlaPoliciesController, SlaEventsController],
  providers: [BusinessCalendarsService, SlaAlerts, SlaEventsService, SlaJob, SlaPoliciesService, SlaRematch, SlaService],
  exports: [SlaService, SlaJob],
})
export class SlaModule {}
