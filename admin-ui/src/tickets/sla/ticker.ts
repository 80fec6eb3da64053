/**
 * One timer shared by every subscriber: the page's SLA badges all re-render from the same tick
 * instead of each row running its own interval. The timer runs only while someone listens.
 */
export interface Ticker {
  subscribe(listener: () => void): () => void;
  /** The time (ms since the epoch) of the latest tick. */
  now(): number;
}

export interface TimerApi {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

const browserTimers: TimerApi = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  now: () => Date.now(),
};

export function createTicker(intervalMs: number, timers: TimerApi = browserTimers): Ticker {
  const listeners = new Set<() => void>();
  let handle: unknown = null;
  let current = timers.now();
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (handle === null) {
        current = timers.now();
        handle = timers.setInterval(() => {
          current = timers.now();
          for (const l of [...listeners]) l();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && handle !== null) {
          timers.clearInterval(handle);
          handle = null;
        }
      };
    },
    now: () => current,
  };
}
