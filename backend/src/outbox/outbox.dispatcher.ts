import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EventEnvelope, EventName } from '@callpro/contracts';
import { RealtimeGateway } from '../realtime/realtime.gateway';
import { DELIVERED_SINCE_SQL, LOAD_SQL, seqArray, type OutboxRow } from './outbox.sql';

/**
 * Catch-up looks this much further back than the loss of the LISTEN connection: announcements in
 * flight when it broke, and the app's clock against the database's.
 */
const CATCH_UP_MARGIN_MS = 5_000;
const CATCH_UP_LIMIT = 10_000;
/** How many dispatched seqs are remembered, so that a catch-up does not send them again. */
const REMEMBERED_SEQS = 20_000;

/** The row's event, or each of the events it carries (OutboxEvent.events), in their order. */
function envelopesOf(row: OutboxRow): EventEnvelope[] {
  const events = row.events ?? [{ id: row.id, resourceId: row.resource_id, payload: row.payload, userIds: row.user_ids }];
  const occurredAt = new Date(row.occurred_at).toISOString();
  return events.map((e) => ({
    id: e.id,
    name: row.name as EventName,
    tenantId: row.tenant_id,
    occurredAt,
    resourceId: e.resourceId,
    subject: row.subject,
    payload: e.payload,
    ...(e.userIds?.length ? { userIds: e.userIds } : {}),
  }));
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
  private readonly dispatched = new Set<string>();

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

  /**
   * After the LISTEN connection was lost at `lostAt` and is back: hands over the rows delivered
   * meanwhile (announcements this instance could not hear), except those it already dispatched.
   */
  catchUp(lostAt: Date): void {
    const since = new Date(lostAt.getTime() - CATCH_UP_MARGIN_MS);
    this.queue = this.queue
      .then(async () => {
        if (!this.gateway.hasLocalClients()) return;
        const rows: (OutboxRow & { seq: string })[] = await this.orm.em.fork().execute(DELIVERED_SINCE_SQL, [since, CATCH_UP_LIMIT]);
        if (rows.length === CATCH_UP_LIMIT) this.log.warn(`Outbox catch-up stopped at ${CATCH_UP_LIMIT} events; clients refetch when they reconnect`);
        const missed = rows.filter((row) => !this.dispatched.has(row.seq));
        this.remember(missed.map((row) => row.seq));
        const sent = this.gateway.deliver(missed.flatMap(envelopesOf));
        if (missed.length) this.log.log(`Caught up on ${missed.length} events delivered while not listening (${sent} emits)`);
      })
      .catch((error: Error) => this.log.error(`Outbox catch-up failed: ${error.message}`));
  }

  /** Resolves when every announcement received so far has been handed over. */
  drain(): Promise<void> {
    return this.queue;
  }

  private async dispatch(seqs: string[]): Promise<void> {
    if (this.gateway.hasLocalClients()) {
      const rows: OutboxRow[] = await this.orm.em.fork().execute(LOAD_SQL, [seqArray(seqs)]);
      this.gateway.deliver(rows.flatMap(envelopesOf));
    }
    // only once handed over: a failed load is retried by the catch-up after the reconnect
    this.remember(seqs);
  }

  private remember(seqs: readonly string[]): void {
    for (const seq of seqs) this.dispatched.add(seq);
    // a Set iterates in insertion order: the oldest go first
    for (const seq of this.dispatched) {
      if (this.dispatched.size <= REMEMBERED_SEQS) break;
      this.dispatched.delete(seq);
    }
  }
}
