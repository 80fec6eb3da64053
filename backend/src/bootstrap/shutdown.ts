import fs from 'node:fs';
import path from 'node:path';
import type { EmbeddedDatabase } from '../database/embedded-postgres';

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
