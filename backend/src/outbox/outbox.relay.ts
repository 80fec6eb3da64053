import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config.service';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxListener } from './outbox-listener';
import { PENDING_CHANNEL, PRUNE_SQL, RELAYED_CHANNEL, RELAY_SQL } from './outbox.sql';

/**
 * Rows per relay step. The step's NOTIFY lists their seqs, and a NOTIFY payload holds at most
 * 8,000 bytes: 380 seqs of up to 20 characters (a bigint and a comma) always fit. At 100 a busy
 * bulk ingest (~6,000 calls/s, one row each) outran the relay.
 */
const BATCH_SIZE = 380;
/** Fallback when a notification is missed (LISTEN connection down). */
const POLL_MS = 1_000;
/** Delivered rows are kept this long (for inspection), then pruned. */
export const OUTBOX_RETENTION_SECONDS = 24 * 3600;
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_CHUNK = 10_000;

/**
 * Moves committed outbox rows to the sockets. Runs on every instance, one batch at a time:
 *
 * 1. A trigger NOTIFYs `outbox_pending` when rows commit (polling every POLL_MS as fallback).
 * 2. In one statement (its own transaction) a relay claims the oldest undelivered rows with FOR
 *    UPDATE SKIP LOCKED (so concurrent relays never share a row; see RELAY_SQL for per-resource
 *    order), marks them delivered and NOTIFYs `outbox_relayed` with their seqs. The notification is
 *    sent at commit, so rows are announced exactly when they are marked: if the transaction fails,
 *    nothing was announced and the rows are claimed again by the next run on any instance.
 *    `seq` is taken at insert: for two concurrent transactions on one record it can differ from
 *    their commit order. Payloads are snapshots and clients refetch the record, so that is harmless.
 * 3. Every instance LISTENs on `outbox_relayed` and hands the rows to its own sockets
 *    (OutboxDispatcher → RealtimeGateway), each filtered by its ability.
 *
 * Fan-out through PostgreSQL rather than Redis: every instance already has the database, it works
 * the same with and without REDIS_URL (several instances without Redis still reach every socket),
 * and the announcement is atomic with the marking. An instance whose LISTEN connection was down
 * (a database restart) catches up once it listens again: OutboxDispatcher.catchUp hands its sockets
 * the rows delivered since the loss, which their sockets, still connected, would otherwise miss.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(OutboxRelay.name);
  private listener?: OutboxListener;
  private loop?: Promise<void>;
  private running = false;
  private nudged = false;
  private wakeUp?: () => void;
  private lastPrune = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly dispatcher: OutboxDispatcher,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const url = this.config.get('DATABASE_URL');
    if (!url) throw new Error('DATABASE_URL is not set');
    this.listener = new OutboxListener(
      url,
      { [PENDING_CHANNEL]: () => this.wake(), [RELAYED_CHANNEL]: (seqs) => this.dispatcher.relayed(seqs) },
      (lostAt) => {
        this.wake();
        this.dispatcher.catchUp(lostAt);
      },
      this.log,
    );
    await this.listener.start();
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.listener?.close();
    await this.dispatcher.drain();
  }

  /** Starts the relay loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops the loop after the batch in flight, if any. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** Runs the next batch now rather than at the next poll. */
  wake(): void {
    this.nudged = true;
    this.wakeUp?.();
  }

  /**
   * Claims, marks and announces one batch (RELAY_SQL). Returns how many rows it delivered and
   * whether the claim was full (more may be waiting).
   */
  async relayBatch(): Promise<{ delivered: number; more: boolean }> {
    const [result]: { claimed: number; delivered: number }[] = await this.orm.em.fork().execute(RELAY_SQL, [BATCH_SIZE, RELAYED_CHANNEL]);
    return { delivered: result.delivered, more: result.claimed === BATCH_SIZE };
  }

  /** Deletes rows delivered more than `retentionSeconds` ago; returns how many. */
  async prune(retentionSeconds = OUTBOX_RETENTION_SECONDS): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ pruned }]: { pruned: number }[] = await this.orm.em.fork().execute(PRUNE_SQL, [retentionSeconds, PRUNE_CHUNK]);
      total += pruned;
      if (pruned < PRUNE_CHUNK) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      let more = false;
      try {
        more = (await this.relayBatch()).more;
        await this.pruneWhenDue();
      } catch (error) {
        this.log.error(`Outbox relay batch failed; retrying in ${POLL_MS} ms: ${(error as Error).message}`);
        await this.sleep(POLL_MS);
        continue;
      }
      if (!more && !this.nudged) await this.sleep(POLL_MS);
    }
  }

  private async pruneWhenDue(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    const pruned = await this.prune();
    if (pruned) this.log.log(`Pruned ${pruned} delivered outbox rows`);
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
