/** Failures counted under one key within a fixed window that starts at the first failure. */
export interface AttemptWindow {
  count: number;
  /** Seconds until the window ends (0 when nothing is counted). */
  resetsIn: number;
}

/** Where LoginThrottle keeps its counters: in memory (one instance) or in Redis (shared). */
export interface AttemptStore {
  peek(key: string): Promise<AttemptWindow>;
  /** Counts one failure; the first one opens a window of `windowSeconds`. */
  hit(key: string, windowSeconds: number): Promise<AttemptWindow>;
  clear(key: string): Promise<void>;
}

export const ATTEMPT_STORE = Symbol('ATTEMPT_STORE');

const EMPTY: AttemptWindow = { count: 0, resetsIn: 0 };

/** Per-process counters: limits hold only within this instance (no REDIS_URL). */
export class MemoryAttemptStore implements AttemptStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  async peek(key: string): Promise<AttemptWindow> {
    const w = this.windows.get(key);
    if (!w || w.endsAt <= Date.now()) return EMPTY;
    return { count: w.count, resetsIn: secondsUntil(w.endsAt) };
  }

  async hit(key: string, windowSeconds: number): Promise<AttemptWindow> {
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
