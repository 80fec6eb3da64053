import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { SlaModule } from '../sla/sla.module';
import { TicketNote } from './ticket-note.entity';
import { TicketNotesController } from './ticket-notes.controller';
import { TicketNotesService } from './ticket-notes.service';

@Module({
  imports: [MikroOrmModule.forFeature([TicketNote]), AuditModule, OutboxModule, SlaModule],
  controllers: [TicketNotesController],
  providers: [TicketNotesService],
})
export class TicketNotesModule {}
