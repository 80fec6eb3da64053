import type { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1_000;

/**
 * One dedicated PostgreSQL connection that LISTENs on the outbox channels (LISTEN needs a session
 * of its own, not a pooled one). Reconnects after a loss; `onReconnect(lostAt)`, called once it
 * listens again, lets the owner catch up on what was announced since the connection was lost.
 */
export class OutboxListener {
  private client?: Client;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;
  /** When the connection was lost (the first loss of a run of failed reconnects). */
  private lostAt?: Date;

  constructor(
    private readonly url: string,
    private readonly handlers: Readonly<Record<string, (payload: string) => void>>,
    private readonly onReconnect: (lostAt: Date) => void,
    private readonly log: Logger,
  ) {}

  /** Connects and listens; throws if the first connection fails. */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'callpro-outbox-listener' });
    client.on('notification', (message) => this.handlers[message.channel]?.(message.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      // channel names are constants of this module, never input
      for (const channel of Object.keys(this.handlers)) await client.query(`listen "${channel}"`);
      const lostAt = this.lostAt;
      this.lostAt = undefined;
      if (lostAt) this.onReconnect(lostAt);
    } catch (error) {
      this.lost(client, error as Error);
      throw error;
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.lostAt ??= new Date();
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.log.warn(`LISTEN connection lost${error ? ` (${error.message})` : ''}; reconnecting, polling meanwhile`);
    this.retryTimer = setTimeout(() => {
      this.connect().catch(() => undefined);
    }, RECONNECT_MS);
  }
}
