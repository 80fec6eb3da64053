import type { Outcome } from './harness';

/** Runs `step` in `concurrency` loops until stopped; `stop` resolves once every loop finished its step. */
export function runLoad(step: (worker: number) => Promise<void>, concurrency: number): { stop(): Promise<void> } {
  let running = true;
  const loops = Array.from({ length: concurrency }, async (_, worker) => {
    while (running) await step(worker);
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export interface LoadFigures {
  requests: number;
  status5xx: number;
  status503: number;
  /** 5xx other than 503. */
  other5xx: number;
  /** No response at all: refused connection or no answer within the request's timeout. */
  noAnswer: number;
  slowestMs: number;
  byStatus: Record<string, number>;
}

export function summarise(outcomes: readonly Outcome[]): LoadFigures {
  const byStatus: Record<string, number> = {};
  for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const count = (p: (o: Outcome) => boolean) => outcomes.filter(p).length;
  return {
    requests: outcomes.length,
    status5xx: count((o) => o.status >= 500),
    status503: count((o) => o.status === 503),
    other5xx: count((o) => o.status >= 500 && o.status !== 503),
    noAnswer: count((o) => o.status === 0),
    slowestMs: Math.max(0, ...outcomes.map((o) => o.ms)),
    byStatus,
  };
}
