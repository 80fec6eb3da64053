/**
 * The load generator, in its own process on the load CPU: autocannon's programmatic API with fixed
 * connections and a bounded duration. Reads its options from the JSON file named by argv[2], prints one JSON line.
 */
import fs from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');
import type { LoadOptions } from './load';

/** The parts of autocannon's result this worker reads. */
interface AutocannonResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, unknown>;
}

const o = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as LoadOptions;
let bodyIndex = 0;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
// split once: a request's body is its parts joined by its unique value
const bodyParts = o.bodies?.map((b) => (o.uniqueToken ? b.split(o.uniqueToken) : [b]));
function nextBody(): string {
  const n = bodyIndex++;
  return bodyParts![n % bodyParts!.length].join(`${run}-${n}`);
}

autocannon(
  {
    url: o.url,
    method: o.method ?? 'GET',
    connections: o.connections,
    duration: o.duration,
    headers: { 'content-type': 'application/json', ...(o.headers ?? {}) },
    // each request takes the next body of the list (e.g. a different user per login)
    requests: bodyParts?.length ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: nextBody() }) }] : undefined,
  },
  (err: Error | null, r: AutocannonResult) => {
    if (err) {
      process.stderr.write(String(err));
      process.exit(1);
    }
    const out = {
      requests: r.requests.total,
      reqPerSec: r.requests.total / r.duration,
      latency: { p50: r.latency.p50, p95: r.latency.p97_5, p99: r.latency.p99 },
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      statusCodes: r.statusCodeStats,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
