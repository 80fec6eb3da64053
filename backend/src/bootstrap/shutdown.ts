import fs from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EmbeddedDatabase } from '../database/embedded-postgres';
import { Draining } from '../health/draining.service';

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Makes `handler` the only listener for the stop signals. embedded-postgres registers
 * async-exit-hook, which on a signal stops PostgreSQL at once (while HTTP requests may still use
 * it) and then exits with 128+signal; the launcher stops HTTP first, then PostgreSQL, itself.
 */
export function ownStopSignals(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) if (listener !== handler) process.removeListener(signal, listener);
    if (!process.listeners(signal).includes(handler)) process.on(signal, handler);
  }
}

/**
 * Stops the embedded PostgreSQL under `dataDir`. A Ctrl-C in a terminal also reaches postgres
 * directly (same process group), and embedded-postgres' stop() then waits for an exit that has
 * already happened: so this also returns once postgres removed its pid file (it does so only on a
 * clean shutdown), and gives up after `timeoutMs`.
 */
export async function stopEmbeddedPostgres(db: EmbeddedDatabase, dataDir: string, timeoutMs = 30_000): Promise<void> {
  const pidFile = path.resolve(dataDir, 'pg', 'postmaster.pid');
  let done = false;
  const stopped = db.stop().finally(() => (done = true));
  const deadline = Date.now() + timeoutMs;
  while (!done) {
    if (!fs.existsSync(pidFile)) return;
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not stop within ${timeoutMs / 1000} s (pid file ${pidFile})`);
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  await stopped;
}

/**
 * The graceful first half of a stop: readiness turns false, sockets are told to reconnect, new
 * requests are turned away with 503, and the requests in flight get up to `graceMs` to finish.
 * Then every HTTP connection still open is closed, so that the app's close (relay, SLA job,
 * sockets, database pool) does not wait on a keep-alive connection or a request that overran.
 */
export async function drainHttp(app: NestFastifyApplication, graceMs: number, log: (message: string) => void): Promise<void> {
  const draining = app.get(Draining);
  draining.begin();
  const inFlight = draining.requestsInFlight;
  log(`Draining: readiness is off, sockets were told to reconnect, ${inFlight} request(s) in flight`);
  if (!(await draining.whenIdle(graceMs))) {
    log(`${draining.requestsInFlight} request(s) still running after ${graceMs} ms: closing their connections`);
  }
  app.getHttpServer().closeAllConnections();
}
