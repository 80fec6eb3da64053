import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.service';
import { COUNTER_STORE, MemoryCounterStore, type CounterStore } from './counter-store';
import { RedisCounterStore } from './redis-counter-store';
import { RateLimiter } from './rate-limiter';
import { RateLimitGuard } from './rate-limit.guard';

/** Counters in Redis when REDIS_URL is set (limits hold across instances), else in this process. */
export function createCounterStore(redisUrl: string | undefined): CounterStore {
  return redisUrl ? new RedisCounterStore(redisUrl) : new MemoryCounterStore();
}

/** The shared counter store (login throttle, rate limits) and the request rate limiter. */
@Global()
@Module({
  providers: [
    { provide: COUNTER_STORE, inject: [AppConfig], useFactory: (config: AppConfig) => createCounterStore(config.get('REDIS_URL')) },
    RateLimiter,
    RateLimitGuard,
  ],
  exports: [COUNTER_STORE, RateLimiter, RateLimitGuard],
})
export class RateLimitModule {}
