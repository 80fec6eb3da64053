import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AuditModule } from '../audit/audit.module';
import { LeadsModule } from '../leads/leads.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaModule } from '../sla/sla.module';
import { OutboxModule } from '../outbox/outbox.module';
import { TicketActivity } from '../tickets/ticket-activity.service';
import { CallLog } from './call-log.entity';
import { CallIngestService } from './call-ingest.service';
import { CallLogsController } from './call-logs.controller';
import { CallLogsService } from './call-logs.service';
import { CallReferences } from './call-references.service';
import { IdempotencyKey } from './idempotency-key.entity';
import { IdempotencyService } from './idempotency.service';
import { MissedCallFollowUp } from './missed-call-follow-up.service';
import { TicketFirstResponse } from './ticket-first-response.service';

@Module({
  imports: [MikroOrmModule.forFeature([CallLog, IdempotencyKey]), AuditModule, LeadsModule, NotificationsModule, OutboxModule, SlaModule],
  controllers: [CallLogsController],
  providers: [
    CallIngestService,
    CallLogsService,
    CallReferences,
    IdempotencyService,
    MissedCallFollowUp,
    TicketFirstResponse,
    // the tickets module's create side effects (audit, ticket.created, assignee notification);
    // TicketsModule does not export it (see the report: a TicketsService method would be better)
    TicketActivity,
  ],
})
export class CallsModule {}
