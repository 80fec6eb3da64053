/**
 * The login baseline: argon2id verify alone (@node-rs/argon2, the app's parameters) for DURATION
 * seconds, at its best on this process's CPUs: one verify per CPU at a time, back to back (more in
 * flight only switches between 19 MiB working sets: slower). At most CONCURRENCY in flight. Env:
 * HASH, PASSWORD, DURATION, CONCURRENCY. Prints one JSON line shaped like the load generator's result.
 */
import { availableParallelism } from 'node:os';
import { verify } from '@node-rs/argon2';
import { percentiles } from './stats';

async function main(): Promise<void> {
  const hash = process.env.HASH!;
  const password = process.env.PASSWORD!;
  const duration = Number(process.env.DURATION) * 1000;
  const started = Date.now();
  const deadline = started + duration;
  const latencies: number[] = [];
  const worker = async () => {
    while (Date.now() < deadline) {
      const t = performance.now();
      if (!(await verify(hash, password))) throw new Error('verify returned false');
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Number(process.env.CONCURRENCY), availableParallelism()) }, worker));
  const seconds = (Date.now() - started) / 1000;
  const p = percentiles(latencies);
  const latency = { p50: Math.round(p.p50), p95: Math.round(p.p95), p99: Math.round(p.p99) };
  // the whole process's CPU (event loop and the libuv threads argon2 runs on) per verify
  const cpu = process.cpuUsage();
  const cpuMsPerOp = (cpu.user + cpu.system) / 1000 / latencies.length;
  const out = { cpuMsPerOp, requests: latencies.length, reqPerSec: latencies.length / seconds, latency, non2xx: 0, errors: 0, statusCodes: {} };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
void main();
