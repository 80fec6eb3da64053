import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';

/** Publishing (OutboxService, for every module) and relaying committed events to the sockets. */
@Module({
  imports: [RealtimeModule],
  providers: [OutboxService, OutboxRelay, OutboxDispatcher],
  exports: [OutboxService],
})
export class OutboxModule {}
