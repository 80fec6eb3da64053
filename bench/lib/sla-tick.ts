/**
 * One SLA job tick in the production build, timed: boots the app's Nest context from
 * dist/backend (no HTTP), then for each line "tick" on stdin runs SlaJob.runOnce() and prints
 * `{"ms":…,"tickets":…,"alerts":…}`. Env: DATABASE_URL, JWT_SECRET. The harness resets the data
 * between ticks.
 */
import path from 'node:path';
import readline from 'node:readline';
import type { INestApplicationContext } from '@nestjs/common';

const ROOT = path.resolve(__dirname, '../..');
/* eslint-disable @typescript-eslint/no-require-imports */
const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
const { AppModule } = require(path.join(ROOT, 'dist/backend/app.module.js')) as { AppModule: unknown };
const { SlaJob } = require(path.join(ROOT, 'dist/backend/sla/sla.job.js')) as { SlaJob: new (...a: never[]) => { runOnce(): Promise<{ tickets: number; alerts: number }> } };
/* eslint-enable @typescript-eslint/no-require-imports */

async function main(): Promise<void> {
  const app: INestApplicationContext = await NestFactory.createApplicationContext(AppModule as never, { logger: ['error'] });
  const job = app.get(SlaJob);
  process.stdout.write('ready\n');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim() === 'quit') break;
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const run = await job.runOnce();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    process.stdout.write(`${JSON.stringify({ ms, cpuMs, tickets: run.tickets, alerts: run.alerts })}\n`);
  }
  await app.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
