import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EventEnvelope, EventName } from '@callpro/contracts';
import { RealtimeGateway } from '../realtime/realtime.gateway';
import { LOAD_SQL, seqArray, type OutboxRow } from './outbox.sql';

function toEnvelope(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    name: row.name as EventName,
    tenantId: row.tenant_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    resourceId: row.resource_id,
    subject: row.subject,
    payload: row.payload,
    ...(row.user_ids?.length ? { userIds: row.user_ids } : {}),
  };
}

/**
 * This instance's end of the fan-out: for each `outbox_relayed` announcement (from any instance's
 * relay) it loads the rows and hands them to the local sockets, one announcement after the other so
 * that their order is kept.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly log = new Logger(OutboxDispatcher.name);
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    private readonly gateway: RealtimeGateway,
  ) {}

  /** Called with an announcement's payload: comma-separated seqs. */
  relayed(payload: string): void {
    const seqs = payload.split(',').filter((s) => /^\d+$/.test(s));
    if (seqs.length === 0) return;
    this.queue = this.queue
      .then(() => this.dispatch(seqs))
      .catch((error: Error) => this.log.error(`Could not dispatch relayed events ${payload}: ${error.message}`));
  }

  /** Resolves when every announcement received so far has been handed over. */
  drain(): Promise<void> {
    return this.queue;
  }

  private async dispatch(seqs: string[]): Promise<void> {
    if (!this.gateway.hasLocalClients()) return;
    const rows: OutboxRow[] = await this.orm.em.fork().execute(LOAD_SQL, [seqArray(seqs)]);
    this.gateway.deliver(rows.map(toEnvelope));
  }
}
