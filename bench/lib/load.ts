import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOAD_CPU, spawnNodePinned, tsxArgs } from './processes';
import type { Percentiles } from './types';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request bodies used round-robin. */
  bodies?: string[];
  /**
   * Every occurrence of this string in a body is replaced by a value unique to the request (run
   * and request number): each request carries new data however many requests the run makes.
   */
  uniqueToken?: string;
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  /** autocannon latency in ms; p95 is autocannon's p97.5 (the nearest it reports). */
  latency: Percentiles;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, unknown>;
}

/** Runs autocannon in a separate process on the load CPU; fails when any response was not 2xx. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  // options go through a file: request bodies can exceed the argument size limit
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'callpro-load-')), 'options.json');
  fs.writeFileSync(file, JSON.stringify(o));
  const child = spawnNodePinned(LOAD_CPU, tsxArgs('bench/lib/load-worker.ts', file), {});
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (code !== 0) throw new Error(`load generator failed (${code}): ${err}`);
  const result = JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
  if (result.requests === 0) throw new Error(`no request completed against ${o.url}`);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${o.method ?? 'GET'} ${o.url}: ${result.non2xx} non-2xx and ${result.errors} errors of ${result.requests} (${JSON.stringify(result.statusCodes)})`);
  }
  return result;
}
