import { median, round } from './stats';
import type { LoadResult } from './load';
import { processCpu } from './thread-cpu';
import type { BenchContext, Percentiles, ResultRow } from './types';

/** The app's CPU time per request in one run: its event loop, and its other threads. */
export interface CpuPerRequest {
  mainMs: number;
  othersMs: number;
}

export interface Pairs<T> {
  app: T[];
  baseline: T[];
  /** Per measured app run, when the run's result counts its requests. */
  appCpu: CpuPerRequest[];
}

/** How the app side is warmed up before the measured runs. */
export interface WarmUp {
  /**
   * Repeat the app's warm-up run until its event-loop CPU per request stops falling (two runs in
   * a row without a 3% gain on the best), for at most this many seconds. For routes that see few
   * requests per second (login: argon2 caps it near 100/s on one core), whose code V8 optimises
   * only after thousands of calls; one short run leaves them in baseline-compiled code.
   */
  untilSteadyMaxSeconds?: number;
}

/**
 * Warms both sides up, then alternates baseline and app runs (A B A B …). The CPU per request
 * is read of the process `appPid` (the app unless another server stands on the "app" side).
 */
export async function alternate<T>(
  ctx: BenchContext,
  scenario: string,
  runBaseline: (warmup: boolean) => Promise<T>,
  runApp: (warmup: boolean) => Promise<T>,
  appPid = ctx.app.pid,
  warmUp: WarmUp = {},
): Promise<Pairs<T>> {
  ctx.log(`${scenario}: warming up`);
  await runBaseline(true);
  await runApp(true);
  if (warmUp.untilSteadyMaxSeconds && !ctx.smoke) await warmUntilSteady(ctx, scenario, () => runApp(true), appPid, warmUp.untilSteadyMaxSeconds);
  const out: Pairs<T> = { app: [], baseline: [], appCpu: [] };
  for (let k = 1; k <= ctx.pairs; k++) {
    ctx.log(`${scenario}: run ${k}/${ctx.pairs} baseline`);
    out.baseline.push(await runBaseline(false));
    ctx.log(`${scenario}: run ${k}/${ctx.pairs} app`);
    const { result, cpu } = await measuredRun(() => runApp(false), appPid);
    out.app.push(result);
    if (cpu) {
      ctx.log(`${scenario}: app CPU per request ${cpu.mainMs} ms event loop + ${cpu.othersMs} ms other threads`);
      out.appCpu.push(cpu);
    }
  }
  return out;
}

/** One run and the CPU per request it cost process `pid` (null if the result counts no requests). */
async function measuredRun<T>(run: () => Promise<T>, pid: number): Promise<{ result: T; cpu: CpuPerRequest | null }> {
  const before = processCpu(pid);
  const result = await run();
  const after = processCpu(pid);
  const requests = (result as { requests?: number }).requests;
  if (!requests) return { result, cpu: null };
  return { result, cpu: { mainMs: round(((after.main - before.main) * 1000) / requests, 2), othersMs: round(((after.others - before.others) * 1000) / requests, 2) } };
}

async function warmUntilSteady<T>(ctx: BenchContext, scenario: string, run: () => Promise<T>, pid: number, maxSeconds: number): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  let best = Infinity;
  let stale = 0;
  while (stale < 2 && Date.now() < deadline) {
    const { cpu } = await measuredRun(run, pid);
    if (!cpu) return;
    ctx.log(`${scenario}: warming up, app event loop ${cpu.mainMs} ms per request`);
    stale = cpu.mainMs < best * 0.97 ? 0 : stale + 1;
    best = Math.min(best, cpu.mainMs);
  }
}

/** "app CPU per request …" for a row's note: the median run's figures. */
export function cpuNote(pairs: { appCpu: CpuPerRequest[] }): string | undefined {
  if (!pairs.appCpu.length) return undefined;
  const main = median(pairs.appCpu.map((c) => c.mainMs));
  const others = median(pairs.appCpu.map((c) => c.othersMs));
  return `app CPU per request: ${main} ms event loop + ${others} ms other threads (median of the runs)`;
}

function medianLatency(results: LoadResult[]): Percentiles {
  return {
    p50: median(results.map((r) => r.latency.p50)),
    p95: median(results.map((r) => r.latency.p95)),
    p99: median(results.map((r) => r.latency.p99)),
  };
}

/** Rows for a throughput scenario: req/s (higher is better) and p99 latency (lower is better). */
export function throughputRows(
  ctx: BenchContext,
  scenario: string,
  pairs: Pairs<LoadResult>,
  targets: { minRatio?: number; maxP99Ratio?: number; unit?: string; note?: string },
): ResultRow[] {
  const ratios = pairs.app.map((a, i) => round(a.reqPerSec / pairs.baseline[i].reqPerSec, 3));
  const p99Ratios = pairs.app.map((a, i) => round(a.latency.p99 / Math.max(pairs.baseline[i].latency.p99, 1), 3));
  const ratio = median(ratios);
  const p99Ratio = median(p99Ratios);
  const appLatency = medianLatency(pairs.app);
  const baselineLatency = medianLatency(pairs.baseline);
  const rows: ResultRow[] = [
    {
      scenario,
      metric: 'throughput',
      unit: targets.unit ?? 'req/s',
      app: round(median(pairs.app.map((r) => r.reqPerSec)), 1),
      baseline: round(median(pairs.baseline.map((r) => r.reqPerSec)), 1),
      ratio,
      pairRatios: ratios,
      appLatency,
      baselineLatency,
      target: targets.minRatio === undefined ? undefined : `≥ ${targets.minRatio * 100}% of baseline`,
      pass: targets.minRatio === undefined ? null : ratio >= targets.minRatio,
      dataSize: ctx.dataSize,
      note: [targets.note, cpuNote(pairs)].filter(Boolean).join('; ') || undefined,
    },
  ];
  if (targets.maxP99Ratio !== undefined) {
    rows.push({
      scenario,
      metric: 'p99 latency',
      unit: 'ms',
      app: appLatency.p99,
      baseline: baselineLatency.p99,
      ratio: p99Ratio,
      pairRatios: p99Ratios,
      appLatency,
      baselineLatency,
      target: `≤ ${targets.maxP99Ratio}× baseline`,
      pass: p99Ratio <= targets.maxP99Ratio,
      dataSize: ctx.dataSize,
      note: 'autocannon latencies have 1 ms resolution; baseline p99 under 1 ms counts as 1 ms',
    });
  }
  return rows;
}

/** Guards against comparing different work: both sides must answer the same total and page size. */
export async function assertSameAnswer(app: { url: string; headers: Record<string, string> }, baselineUrl: string): Promise<string> {
  const [a, b] = await Promise.all([fetch(app.url, { headers: app.headers }), fetch(baselineUrl)]);
  if (!a.ok || !b.ok) throw new Error(`app ${a.status}, baseline ${b.status}: ${await a.text()}`);
  const [ra, rb] = [(await a.json()) as unknown[], (await b.json()) as unknown[]];
  const [ta, tb] = [a.headers.get('x-total-count'), b.headers.get('x-total-count')];
  if (ta !== tb || ra.length !== rb.length) throw new Error(`app and baseline differ: total ${ta} vs ${tb}, page ${ra.length} vs ${rb.length}`);
  return `${ra.length} rows of ${ta}`;
}
