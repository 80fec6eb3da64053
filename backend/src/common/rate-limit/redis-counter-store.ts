import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import type { CounterStore, CounterWindow } from './counter-store';

export const REDIS_COUNTER_PREFIX = 'callpro:';
const CONNECT_WAIT_MS = 2000;

/**
 * Counters shared by every instance (REDIS_URL), so that limits hold behind a load balancer.
 * Commands fail at once while Redis is away (no offline queue): every request consults the
 * store, and callers choose between failing closed (login) and falling back (rate limits).
 */
export class RedisCounterStore implements CounterStore, OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = REDIS_COUNTER_PREFIX) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2000,
      commandTimeout: 1000,
      disconnectTimeout: 200,
    });
    this.redis.on('error', () => undefined); // surfaced per command instead
  }

  /** Lets the first requests after boot find the connection open instead of failing over. */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done).off('error', done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      this.redis.once('ready', done).once('error', done);
    });
  }

  async peek(key: string): Promise<CounterWindow> {
    const k = this.prefix + key;
    const [count, ttl] = await this.exec(this.redis.multi().get(k).ttl(k));
    return count === null ? { count: 0, resetsIn: 0 } : { count: Number(count), resetsIn: Math.max(1, Number(ttl)) };
  }

  async hit(key: string, windowSeconds: number): Promise<CounterWindow> {
    // SET NX opens the window with its expiry at the first hit; INCR counts within it (one MULTI: atomic)
    const k = this.prefix + key;
    const [, count, ttl] = await this.exec(this.redis.multi().set(k, 0, 'EX', windowSeconds, 'NX').incr(k).ttl(k));
    return { count: Number(count), resetsIn: Math.max(1, Number(ttl)) };
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async onModuleDestroy(): Promise<void> {
    // quit() lets pending commands finish; while (re)connecting there are none worth waiting for
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  private async exec(multi: ReturnType<Redis['multi']>): Promise<unknown[]> {
    const results = (await multi.exec()) ?? [];
    const failed = results.find(([err]) => err);
    if (failed) throw failed[0];
    return results.map(([, value]) => value);
  }
}
