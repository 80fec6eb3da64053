import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@callpro/permissions';
import { AppConfig } from '../../config/app-config.service';
import { COUNTER_STORE, MemoryCounterStore, type CounterStore, type CounterWindow } from './counter-store';

const WINDOW_SECONDS = 60;

/** One limit a request counts against, after counting it. */
export interface QuotaState {
  name: 'tenant' | 'api-key';
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  resetsIn: number;
}

/** What the guard answers with: the quota closest to exhaustion, and every policy that applied. */
export interface RateDecision {
  exceeded: boolean;
  tightest: QuotaState;
  quotas: QuotaState[];
  windowSeconds: number;
}

/**
 * Per-tenant (every authenticated request of a tenant) and per-API-key request quotas, fixed
 * one-minute windows. Counters live in the shared store (Redis with REDIS_URL); if that fails the
 * limiter counts in this process instead (fails open to per-instance limits, logged once per
 * outage) rather than refusing all traffic or letting it through unlimited.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new MemoryCounterStore();
  private degraded = false;

  constructor(
    @Inject(COUNTER_STORE) private readonly store: CounterStore,
    private readonly config: AppConfig,
  ) {}

  /** Counts one request of `principal`; null when no limit applies to it. */
  async consume(principal: Principal): Promise<RateDecision | null> {
    const buckets = this.bucketsFor(principal);
    if (!buckets.length) return null;
    const quotas = await Promise.all(
      buckets.map(async ({ name, key, limit }): Promise<QuotaState> => {
        const w = await this.hit(key);
        return { name, limit, remaining: limit - w.count, resetsIn: w.resetsIn };
      }),
    );
    // over a limit: report the one that frees up last; otherwise the one closest to running out
    const over = quotas.filter((q) => q.remaining < 0);
    const tightest = over.length
      ? over.reduce((a, b) => (b.resetsIn > a.resetsIn ? b : a))
      : quotas.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    const clamp = (q: QuotaState): QuotaState => ({ ...q, remaining: Math.max(0, q.remaining) });
    return { exceeded: over.length > 0, tightest: clamp(tightest), quotas: quotas.map(clamp), windowSeconds: WINDOW_SECONDS };
  }

  private bucketsFor(p: Principal): { name: QuotaState['name']; key: string; limit: number }[] {
    const buckets: { name: QuotaState['name']; key: string; limit: number }[] = [];
    const perTenant = this.config.get('RATE_LIMIT_TENANT_PER_MINUTE');
    const perKey = this.config.get('RATE_LIMIT_API_KEY_PER_MINUTE');
    // a super admin who has not chosen a tenant acts on the platform, outside every tenant's quota
    if (perTenant > 0 && p.tenantId) buckets.push({ name: 'tenant', key: `rate:tenant:${p.tenantId}`, limit: perTenant });
    if (perKey > 0 && p.kind === 'apiKey') buckets.push({ name: 'api-key', key: `rate:api-key:${p.keyId}`, limit: perKey });
    return buckets;
  }

  private async hit(key: string): Promise<CounterWindow> {
    try {
      const w = await this.store.hit(key, WINDOW_SECONDS);
      if (this.degraded) {
        this.degraded = false;
        this.logger.warn('Rate-limit counters are shared again (Redis is back)');
      }
      return w;
    } catch (err) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err }, 'Rate-limit store unavailable: counting per instance until it is back');
      }
      return this.local.hit(key, WINDOW_SECONDS);
    }
  }
}
