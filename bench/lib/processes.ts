import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectGarbage } from './inspector-gc';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER_CPU = 0;
export const LOAD_CPU = 1;

const canPin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

/** How processes were spread over CPUs, for the report. */
export function cpuSplit(): string {
  return canPin
    ? `server (app or baseline) on CPU ${SERVER_CPU}; load generator, socket clients${process.env.BENCH_DATABASE_URL ? '' : ' and the embedded PostgreSQL'} on CPU ${LOAD_CPU} (taskset; ${os.cpus().length} CPUs)`
    : `not pinned (taskset unavailable or a single CPU; ${os.cpus().length} CPUs): server and load share the machine`;
}

/** Pins the current process (the harness: socket clients live here) to the load CPU. */
export function pinSelfToLoadCpu(): void {
  if (canPin) spawnSync('taskset', ['-a', '-cp', String(LOAD_CPU), String(process.pid)]);
}

/**
 * Pins a running process and its children's threads to the load CPU: the embedded PostgreSQL's
 * postmaster (backends forked later inherit it). The database then never takes the server CPU
 * from the process measured there: app and baseline both send it their queries, in different
 * numbers, and on a shared CPU the app's would count against the app twice.
 */
export function pinTreeToLoadCpu(pid: number): boolean {
  if (!canPin) return false;
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return [String(pid), ...children].every((p) => spawnSync('taskset', ['-a', '-cp', String(LOAD_CPU), p]).status === 0);
}

/** Spawns `node …args` on one CPU; taskset execs node, so the child's pid is node's pid. */
export function spawnNodePinned(cpu: number, args: string[], env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe' = 'pipe', stdin: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  const [cmd, cmdArgs] = canPin ? ['taskset', ['-c', String(cpu), process.execPath, ...args]] : [process.execPath, args];
  return spawn(cmd, cmdArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: [stdin, stdio, stdio] });
}

/** `node --import tsx <file>`: children written in TypeScript. */
export function tsxArgs(file: string, ...args: string[]): string[] {
  return ['--import', 'tsx', path.join(ROOT, file), ...args];
}

export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

export async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it answered ${url}:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`);
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A started child server plus the tail of its output (for error messages). */
export class ServerProcess {
  private out = '';
  constructor(
    readonly child: ChildProcess,
    readonly url: string,
    /** Set when started with `--inspect` on 127.0.0.1 (the app). */
    private readonly inspectPort?: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.out = (this.out + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }
  get pid(): number {
    return this.child.pid ?? -1;
  }
  output(): string {
    return this.out;
  }
  rssMb(): number {
    return rssMb(this.pid);
  }
  /** RSS right after a full garbage collection (through the inspector: the app only). */
  async rssAfterGcMb(): Promise<number> {
    if (this.inspectPort === undefined) throw new Error('this process was started without --inspect');
    await collectGarbage(this.inspectPort);
    return rssMb(this.pid);
  }
  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

export type AppProcess = ServerProcess;

export interface AppStartOptions {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  /** Directory for `node --cpu-prof` output, when profiling. */
  cpuProfDir?: string;
  /** The inspector's port on 127.0.0.1 (the memory scenario asks for a full GC through it). */
  inspectPort: number;
}

/** The production bundle as a child: `node dist/backend/main.js`, NODE_ENV=production, on the server CPU. */
export async function startApp(o: AppStartOptions): Promise<AppProcess> {
  const prof = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : [];
  const child = spawnNodePinned(SERVER_CPU, [...prof, `--inspect=127.0.0.1:${o.inspectPort}`, path.join(ROOT, 'dist/backend/main.js')], {
    DATABASE_URL: o.databaseUrl,
    NODE_ENV: 'production',
    JWT_SECRET: o.jwtSecret,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    PORT: String(o.port),
    HOST: '127.0.0.1',
    SERVE_UI: 'false',
    // the login scenario logs in thousands of times per minute from one IP, all with the right password
    LOGIN_IP_MAX_ATTEMPTS: '1000000',
    LOGIN_MAX_ATTEMPTS: '1000000',
    // per-tenant and per-API-key rate limits off: the load comes from one tenant and would hit them
    RATE_LIMIT_TENANT_PER_MINUTE: '0',
    RATE_LIMIT_API_KEY_PER_MINUTE: '0',
    REDIS_URL: '',
  });
  const proc = new ServerProcess(child, `http://127.0.0.1:${o.port}`, o.inspectPort);
  await waitForHttp(`${proc.url}/api/v1/health/ready`, child, 60_000, () => proc.output());
  return proc;
}

/** A TypeScript server from bench/lib on the server CPU; it must print nothing until it listens on PORT. */
export async function startTsServer(file: string, port: number, env: NodeJS.ProcessEnv, readyPath: string): Promise<ServerProcess> {
  const child = spawnNodePinned(SERVER_CPU, tsxArgs(file), { ...env, PORT: String(port) });
  const proc = new ServerProcess(child, `http://127.0.0.1:${port}`);
  await waitForHttp(`${proc.url}${readyPath}`, child, 30_000, () => proc.output());
  return proc;
}
