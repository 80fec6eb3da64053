import type { OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { ProblemException } from '../../common/errors/problem';
import type { AttemptStore, AttemptWindow } from './attempt-store';

const PREFIX = 'callpro:login-failures:';

/** Counters shared by every instance (REDIS_URL), so that limits hold behind a load balancer. */
export class RedisAttemptStore implements AttemptStore, OnModuleDestroy {
  private readonly redis: Redis;

  constructor(url: string) {
    // fail fast rather than queue logins while Redis is away; don't hold shutdown on a dead socket
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000, disconnectTimeout: 200 });
    this.redis.on('error', () => undefined); // surfaced per command instead (see run)
  }

  peek(key: string): Promise<AttemptWindow> {
    return this.run(async () => {
      const [count, ttl] = await this.exec(this.redis.multi().get(PREFIX + key).ttl(PREFIX + key));
      return count === null ? { count: 0, resetsIn: 0 } : { count: Number(count), resetsIn: Math.max(1, Number(ttl)) };
    });
  }

  hit(key: string, windowSeconds: number): Promise<AttemptWindow> {
    return this.run(async () => {
      // SET NX opens the window with its expiry at the first failure; INCR counts within it
      const k = PREFIX + key;
      const [, count, ttl] = await this.exec(this.redis.multi().set(k, 0, 'EX', windowSeconds, 'NX').incr(k).ttl(k));
      return { count: Number(count), resetsIn: Math.max(1, Number(ttl)) };
    });
  }

  clear(key: string): Promise<void> {
    return this.run(async () => {
      await this.redis.del(PREFIX + key);
    });
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

  /** Without the shared counters logins cannot be throttled: refuse them (fail closed). */
  private async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch {
      throw new ProblemException(503, 'service-unavailable', 'Login is temporarily unavailable; try again shortly');
    }
  }
}
