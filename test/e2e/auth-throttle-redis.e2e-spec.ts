import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import request from 'supertest';
import Redis from 'ioredis';
import type { TestApp } from '../support/app';
import type { TenantFixture } from '../support/fixtures';

const API = '/api/v1';
const newIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join('.')}`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** A throwaway redis-server (Debian package `redis-server`) on a free local port. */
async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.env.REDIS_SERVER_BIN ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await new Promise<void>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`redis-server could not start (apt-get install redis-server): ${err.message}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

describe('login throttling with REDIS_URL: limits hold across instances', () => {
  let redis: { url: string; process: ChildProcess };
  let one: TestApp;
  let two: TestApp;
  let f: TenantFixture;
  let password: string;

  const tryLogin = (app: TestApp, email: string, pw: string) =>
    request(app.server).post(`${API}/auth/login`).set('X-Forwarded-For', newIp()).send({ email, password: pw });

  beforeAll(async () => {
    redis = await startRedis();
    // config is read when the app module is imported
    process.env.REDIS_URL = redis.url;
    const { createTestApp } = await import('../support/app');
    const fixtures = await import('../support/fixtures');
    [one, two] = [await createTestApp(), await createTestApp()];
    f = await fixtures.createTenantFixture(one);
    password = fixtures.TEST_PASSWORD;
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    redis?.process.kill();
  });

  it('adds up failures made on two instances', async () => {
    for (let i = 0; i < 5; i++) await tryLogin(i % 2 ? one : two, f.agent.email, 'wrong').expect(401);
    const res = await tryLogin(one, f.agent.email, password).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(890);
    await tryLogin(two, f.agent.email, password).expect(429);
  });

  it('clears the shared count on a success at either instance', async () => {
    for (let i = 0; i < 4; i++) await tryLogin(one, f.agent2.email, 'wrong').expect(401);
    await tryLogin(two, f.agent2.email, password).expect(200);
    for (let i = 0; i < 4; i++) await tryLogin(one, f.agent2.email, 'wrong').expect(401);
    await tryLogin(one, f.agent2.email, password).expect(200);
  });

  it('keeps counters with an expiry and without email addresses in Redis', async () => {
    await tryLogin(one, f.supervisor.email, 'wrong').expect(401);
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('callpro:login-failures:*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join(' ')).not.toContain('@');
      for (const key of keys) {
        const ttl = await client.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(900);
      }
    } finally {
      await client.quit();
    }
  });

  it('refuses logins (503) rather than not counting them when Redis is unreachable', async () => {
    // its own store on a dead port: stopping the shared server would also hit the realtime adapter
    const { RedisCounterStore } = await import('../../backend/src/common/rate-limit/redis-counter-store');
    const { LoginThrottle } = await import('../../backend/src/auth/throttle/login-throttle');
    const { AppConfig } = await import('../../backend/src/config/app-config.service');
    const store = new RedisCounterStore(`redis://127.0.0.1:${await freePort()}`);
    try {
      const throttle = new LoginThrottle(store, one.app.get(AppConfig));
      await expect(throttle.assertAllowed(f.admin.email, newIp())).rejects.toMatchObject({ status: 503 });
      await expect(throttle.recordFailure(f.admin.email, newIp())).rejects.toMatchObject({ status: 503 });
    } finally {
      await store.onModuleDestroy();
    }
  });
});
