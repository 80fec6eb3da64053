/** Hits counted under one key within a fixed window that starts at the first hit. */
export interface CounterWindow {
  count: number;
  /** Seconds until the window ends (0 when nothing is counted). */
  resetsIn: number;
}

/**
 * Where the login throttle and the request rate limits keep their counters: in memory (one
 * instance) or in Redis (shared by every instance). Each caller decides what a store failure means.
 */
export interface CounterStore {
  peek(key: string): Promise<CounterWindow>;
  /** Counts one hit; the first one opens a window of `windowSeconds`. */
  hit(key: string, windowSeconds: number): Promise<CounterWindow>;
  clear(key: string): Promise<void>;
}

export const COUNTER_STORE = Symbol('COUNTER_STORE');

const EMPTY: CounterWindow = { count: 0, resetsIn: 0 };

/** Per-process counters: limits hold only within this instance (no REDIS_URL). */
export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  async peek(key: string): Promise<CounterWindow> {
    const w = this.windows.get(key);
    if (!w || w.endsAt <= Date.now()) return EMPTY;
    return { count: w.count, resetsIn: secondsUntil(w.endsAt) };
  }

  async hit(key: string, windowSeconds: number): Promise<CounterWindow> {
    const now = Date.now();
    if (this.windows.size > 100_000) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      w = { count: 0, endsAt: now + windowSeconds * 1000 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return { count: w.count, resetsIn: secondsUntil(w.endsAt) };
  }

  async clear(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.endsAt <= now) this.windows.delete(key);
  }
}

function secondsUntil(at: number): number {
  return Math.max(1, Math.ceil((at - Date.now()) / 1000));
}
