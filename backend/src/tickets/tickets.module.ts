import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxModule } from '../outbox/outbox.module';
import { SlaModule } from '../sla/sla.module';
import { Ticket } from './ticket.entity';
import { TicketActivity } from './ticket-activity.service';
import { TicketsBulkService } from './tickets-bulk.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [MikroOrmModule.forFeature([Ticket]), AuditModule, NotificationsModule, OutboxModule, SlaModule],
  controllers: [TicketsController],
  providers: [TicketActivity, TicketsBulkService, TicketsService],
  exports: [TicketsService],
})
export class TicketsModule {}
