import { createTicker, type TimerApi } from './ticker';

/** Timers driven by hand: `fire()` runs every live interval once. */
function manualTimers() {
  let clock = 1_000;
  const live = new Map<number, () => void>();
  let next = 0;
  const timers: TimerApi = {
    setInterval: (callback) => {
      live.set(++next, callback);
      return next;
    },
    clearInterval: (handle) => void live.delete(handle as number),
    now: () => clock,
  };
  return {
    timers,
    live,
    fire(advanceMs: number) {
      clock += advanceMs;
      for (const callback of [...live.values()]) callback();
    },
  };
}

describe('createTicker', () => {
  it('runs one interval however many badges listen, and stops with the last one', () => {
    const m = manualTimers();
    const ticker = createTicker(1000, m.timers);
    const calls: string[] = [];
    const offA = ticker.subscribe(() => calls.push('a'));
    const offB = ticker.subscribe(() => calls.push('b'));
    const offC = ticker.subscribe(() => calls.push('c'));
    expect(m.live.size).toBe(1);

    m.fire(1000);
    expect(calls.sort()).toEqual(['a', 'b', 'c']);
    expect(ticker.now()).toBe(2_000);

    offA();
    offB();
    expect(m.live.size).toBe(1);
    offC();
    expect(m.live.size).toBe(0);
  });

  it('starts again, from the current time, when someone listens after a pause', () => {
    const m = manualTimers();
    const ticker = createTicker(1000, m.timers);
    ticker.subscribe(() => undefined)();
    m.fire(60_000);
    const off = ticker.subscribe(() => undefined);
    expect(ticker.now()).toBe(61_000);
    expect(m.live.size).toBe(1);
    off();
  });
});
