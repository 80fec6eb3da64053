import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../backend/src/database/embedded-postgres';

const ROOT = path.resolve(__dirname, '../..');

interface Launched {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` from source, in embedded mode (no DATABASE_URL), on its own data directory and port. */
function launch(dataDir: string, port: number): Launched {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SERVE_UI: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  for (const name of ['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL', 'SEED_DEMO']) delete env[name];
  // its own process group, so that a test can signal it the way a terminal's Ctrl-C does
  const child = spawn(process.execPath, ['-r', './scripts/register-ts.cjs', 'backend/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, port, output: () => output, exited };
}

/** Resolves when the output matches; fails on exit or after `ms`, showing what was printed. */
async function waitForOutput(l: Launched, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let exited = false;
  void l.exited.then(() => (exited = true));
  while (!pattern.test(l.output())) {
    if (exited) throw new Error(`launcher exited before printing ${pattern}:\n${l.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms:\n${l.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForExit(l: Launched, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still running after ${ms} ms:\n${l.output()}`)), ms)));
  try {
    return await Promise.race([l.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const api = (l: Launched, route: string, init?: RequestInit) => fetch(`http://127.0.0.1:${l.port}/api/v1${route}`, { ...init, signal: AbortSignal.timeout(10_000) });
const login = (l: Launched) =>
  api(l, '/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@acme.test', password: 'callpro-demo' }) });
const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe('launcher (npm start, embedded PostgreSQL)', () => {
  let dataDir: string;
  let running: Launched | undefined;
  let firstToken: string;
  let firstSecret: string;
  const postmasterPid = () => path.join(dataDir, 'pg', 'postmaster.pid');

  beforeAll(() => {
    // the folder itself (not a subfolder): as root, initdb runs as `postgres` and must reach it
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpro-launcher-'));
  });

  afterAll(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGINT');
      await waitForExit(running, 15_000).catch(() => running?.child.kill('SIGKILL'));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('starts on an empty DATA_DIR: PostgreSQL, migrations, demo data, then Ready', async () => {
    running = launch(dataDir, await freePort());
    // initdb, migrations and the demo seed (thousands of rows): generous for a loaded CI machine
    await waitForOutput(running, /Ready: http:\/\/localhost:\d+/, 120_000);
    expect(running.output()).toContain('Initialising embedded PostgreSQL');
    expect(running.output()).toContain('Seeding demo data');
    expect(fs.existsSync(postmasterPid())).toBe(true);
    const ready = await api(running, '/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  }, 130_000);

  it('lets the demo org admin log in', async () => {
    const res = await login(running!);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken: string; user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: 'admin@acme.test', role: 'org_admin' });
    firstToken = body.accessToken;
  });

  it('keeps a generated JWT secret in DATA_DIR, readable only by its owner', () => {
    const file = path.join(dataDir, 'jwt-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    firstSecret = fs.readFileSync(file, 'utf8');
    expect(firstSecret.trim().length).toBeGreaterThanOrEqual(32);
  });

  it('stops HTTP, then PostgreSQL, on SIGINT and exits 0 within 15 s', async () => {
    const l = running!;
    l.child.kill('SIGINT');
    expect(await waitForExit(l, 15_000)).toEqual({ code: 0, signal: null });
    const out = l.output();
    expect(out).toMatch(/SIGINT received\n[\s\S]*Stopping HTTP, then PostgreSQL …\n[\s\S]*Stopped\.\n$/);
    // PostgreSQL removes its pid file only on a clean shutdown
    expect(fs.existsSync(postmasterPid())).toBe(false);
    expect(await refusesConnections(l.port)).toBe(true);
  }, 20_000);

  it('reuses the data and the JWT secret on the next start (no second seeding)', async () => {
    running = launch(dataDir, await freePort());
    await waitForOutput(running, /Ready: http:\/\/localhost:\d+/, 60_000);
    expect(running.output()).not.toContain('Initialising');
    expect(running.output()).not.toContain('Seeding');
    expect(running.output()).not.toContain('Applying');
    expect(fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8')).toBe(firstSecret);
    // a token signed before the restart still verifies: same secret, same users
    const me = await api(running, '/auth/me', { headers: { authorization: `Bearer ${firstToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('admin@acme.test');
    expect((await login(running)).status).toBe(200);
  }, 70_000);

  it('stops cleanly on Ctrl-C, which signals PostgreSQL as well (the whole process group)', async () => {
    const l = running!;
    process.kill(-l.child.pid!, 'SIGINT');
    expect(await waitForExit(l, 15_000)).toEqual({ code: 0, signal: null });
    expect(l.output()).toMatch(/SIGINT received\n[\s\S]*Stopped\.\n$/);
    expect(fs.existsSync(postmasterPid())).toBe(false);
  }, 20_000);

  it('stops cleanly on SIGTERM (docker stop, systemd)', async () => {
    running = launch(dataDir, await freePort());
    await waitForOutput(running, /Ready: http:\/\/localhost:\d+/, 60_000);
    running.child.kill('SIGTERM');
    expect(await waitForExit(running, 15_000)).toEqual({ code: 0, signal: null });
    expect(running.output()).toMatch(/SIGTERM received\n[\s\S]*Stopping HTTP, then PostgreSQL …\n[\s\S]*Stopped\.\n$/);
    expect(fs.existsSync(postmasterPid())).toBe(false);
  }, 80_000);

  it('stops PostgreSQL again when the start fails after it (port taken) and exits 1', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      running = launch(dataDir, port);
      const exit = await waitForExit(running, 90_000);
      expect(exit).toEqual({ code: 1, signal: null });
      const out = running.output();
      expect(out).toMatch(/Failed to start: .*EADDRINUSE/);
      expect(out).toMatch(/Stopping HTTP, then PostgreSQL …\n[\s\S]*Stopped\.\n/);
      expect(fs.existsSync(postmasterPid())).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 100_000);
});
