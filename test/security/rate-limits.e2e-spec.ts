// Config is read when the app module is imported: set the limits under test first, import after.
process.env.RATE_LIMIT_TENANT_PER_MINUTE = '12';
process.env.RATE_LIMIT_API_KEY_PER_MINUTE = '4';
delete process.env.REDIS_URL; // the in-process store; the Redis cases below give each app its own store

import { randomUUID } from 'node:crypto';
import net from 'node:net';
import request from 'supertest';
import Redis from 'ioredis';
import { Logger } from '@nestjs/common';
import type { TestApp } from '../support/app';
import type { TenantFixture } from '../support/fixtures';
import { redisAnswers } from '../support/redis';

const API = '/api/v1';
const TENANT_LIMIT = 12;
const KEY_LIMIT = 4;
/** The shared Redis of the test machine; REDIS_TEST_URL points elsewhere. */
const SHARED_REDIS = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });


const expectHeaders = (res: request.Response, limit: number, remaining: number) => {
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(res.headers['ratelimit-remaining']).toBe(String(remaining));
  const reset = Number(res.headers['ratelimit-reset']);
  expect(reset).toBeGreaterThanOrEqual(1);
  expect(reset).toBeLessThanOrEqual(60);
};

const expect429 = (res: request.Response) => {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status: 429, type: expect.stringMatching(/rate-limited$/), title: expect.any(String), detail: expect.any(String) });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers['ratelimit-remaining']).toBe('0');
  expect(res.headers['ratelimit-reset']).toBe(String(retryAfter));
};

describe('security: per-tenant and per-API-key rate limits', () => {
  let app: typeof import('../support/app');
  let fixtures: typeof import('../support/fixtures');
  let t: TestApp;
  const figures: string[] = [];

  const fresh = () => fixtures.createTenantFixture(t);
  const auth = (f: TenantFixture, who: 'admin' | 'supervisor' | 'agent' = 'admin', on = t) => fixtures.tokenFor(on, f[who], f.tenant.id);
  const newKey = async (f: TenantFixture, name: string) => {
    const res = await request(t.server).post(`${API}/api-keys`).set(auth(f)).send({ name, scopes: ['calls:read'] }).expect(201);
    return { 'X-API-Key': res.body.secret as string };
  };

  beforeAll(async () => {
    app = await import('../support/app');
    fixtures = await import('../support/fixtures');
    t = await app.createTestApp();
  });
  afterAll(async () => {
    await t.close();
    process.stdout.write(`${figures.join('\n')}\n`);
  });

  it('sends RateLimit-* headers on normal responses (also refused ones), none on public routes', async () => {
    const f = await fresh();
    const first = await request(t.server).get(`${API}/users`).set(auth(f)).expect(200);
    expectHeaders(first, TENANT_LIMIT, TENANT_LIMIT - 1);
    expect(first.headers['ratelimit-policy']).toBe(`${TENANT_LIMIT};w=60;comment="tenant"`);
    const second = await request(t.server).get(`${API}/tickets`).set(auth(f, 'agent')).expect(200);
    expectHeaders(second, TENANT_LIMIT, TENANT_LIMIT - 2);
    // the quota is checked before the policy: a forbidden call is counted and says so
    const forbidden = await request(t.server).get(`${API}/api-keys`).set(auth(f, 'agent')).expect(403);
    expectHeaders(forbidden, TENANT_LIMIT, TENANT_LIMIT - 3);
    const open = await request(t.server).get(`${API}/health/live`).expect(200);
    expect(open.headers['ratelimit-limit']).toBeUndefined();
  });

  it('refuses a tenant over its limit with 429 problem+json and Retry-After; another tenant is unaffected', async () => {
    const [b, c] = [await fresh(), await fresh()];
    const roles = ['admin', 'supervisor', 'agent'] as const;
    for (let i = 0; i < TENANT_LIMIT; i++) await request(t.server).get(`${API}/tickets`).set(auth(b, roles[i % 3])).expect(200);
    const refused = await request(t.server).get(`${API}/tickets`).set(auth(b, 'agent'));
    expect429(refused);
    expect(refused.body.detail).toMatch(/organisation/);
    // every principal of the tenant shares the quota
    expect429(await request(t.server).get(`${API}/users`).set(auth(b, 'admin')));
    const other = await request(t.server).get(`${API}/tickets`).set(auth(c)).expect(200);
    expectHeaders(other, TENANT_LIMIT, TENANT_LIMIT - 1);
    figures.push(`tenant limit ${TENANT_LIMIT}/min: request ${TENANT_LIMIT + 1} → 429 (Retry-After ${refused.headers['retry-after']} s), other tenant 200`);
  });

  it('limits each API key on its own, inside its tenant quota', async () => {
    const f = await fresh();
    const [one, two] = [await newKey(f, 'one'), await newKey(f, 'two')]; // 2 tenant requests
    for (let i = 0; i < KEY_LIMIT; i++) {
      const res = await request(t.server).get(`${API}/call-logs`).set(one).expect(200);
      expectHeaders(res, KEY_LIMIT, KEY_LIMIT - 1 - i);
      expect(res.headers['ratelimit-policy']).toBe(`${TENANT_LIMIT};w=60;comment="tenant", ${KEY_LIMIT};w=60;comment="api-key"`);
    }
    const refused = await request(t.server).get(`${API}/call-logs`).set(one);
    expect429(refused);
    expect(refused.body.detail).toMatch(/API key/);
    expectHeaders(await request(t.server).get(`${API}/call-logs`).set(two).expect(200), KEY_LIMIT, KEY_LIMIT - 1);
    // the tenant has used 2 + 5 + 1 + this one
    expectHeaders(await request(t.server).get(`${API}/users`).set(auth(f)).expect(200), TENANT_LIMIT, TENANT_LIMIT - 9);
    figures.push(`API key limit ${KEY_LIMIT}/min: request ${KEY_LIMIT + 1} of one key → 429, a second key of the same tenant 200`);
  });

  it('falls back to per-instance counting, with a warning, when Redis is unreachable', async () => {
    const { COUNTER_STORE } = await import('../../backend/src/common/rate-limit/counter-store');
    const { RedisCounterStore } = await import('../../backend/src/common/rate-limit/redis-counter-store');
    const dead = new RedisCounterStore(`redis://127.0.0.1:${await freePort()}`);
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const degraded = await app.createTestApp([{ provide: COUNTER_STORE, useValue: dead }]);
    try {
      const f = await fresh();
      for (let i = 0; i < TENANT_LIMIT; i++) {
        expectHeaders(await request(degraded.server).get(`${API}/tickets`).set(auth(f, 'admin', degraded)).expect(200), TENANT_LIMIT, TENANT_LIMIT - 1 - i);
      }
      expect429(await request(degraded.server).get(`${API}/tickets`).set(auth(f, 'admin', degraded)));
      const warnings = warn.mock.calls.filter((args) => args.some((a) => typeof a === 'string' && a.includes('Rate-limit store unavailable')));
      expect(warnings).toHaveLength(1); // once per outage, not per request
    } finally {
      warn.mockRestore();
      await degraded.close();
      await dead.onModuleDestroy();
    }
    figures.push('Redis unreachable: limits still enforced per instance (fail open to the in-process store, one warning)');
  });

  it('holds limits across two instances sharing Redis', async () => {
    if (!(await redisAnswers(SHARED_REDIS))) {
      process.stdout.write(`SKIPPED: rate limits across instances — no Redis at ${SHARED_REDIS} (start redis-server or set REDIS_TEST_URL)\n`);
      figures.push('two instances sharing Redis: SKIPPED (no Redis)');
      return;
    }
    const { COUNTER_STORE, MemoryCounterStore } = await import('../../backend/src/common/rate-limit/counter-store');
    const { RedisCounterStore } = await import('../../backend/src/common/rate-limit/redis-counter-store');
    const { createCounterStore } = await import('../../backend/src/common/rate-limit/rate-limit.module');
    // REDIS_URL picks the shared store
    const chosen = createCounterStore(SHARED_REDIS);
    expect(chosen).toBeInstanceOf(RedisCounterStore);
    await (chosen as InstanceType<typeof RedisCounterStore>).onModuleDestroy();
    expect(createCounterStore(undefined)).toBeInstanceOf(MemoryCounterStore);

    const prefix = `callpro-test:${randomUUID()}:`; // this run's keys only
    const stores = [new RedisCounterStore(SHARED_REDIS, prefix), new RedisCounterStore(SHARED_REDIS, prefix)];
    const instances = [await app.createTestApp([{ provide: COUNTER_STORE, useValue: stores[0] }]), await app.createTestApp([{ provide: COUNTER_STORE, useValue: stores[1] }])];
    const client = new Redis(SHARED_REDIS);
    try {
      const f = await fresh();
      for (let i = 0; i < TENANT_LIMIT; i++) {
        const on = instances[i % 2];
        expectHeaders(await request(on.server).get(`${API}/tickets`).set(auth(f, 'admin', on)).expect(200), TENANT_LIMIT, TENANT_LIMIT - 1 - i);
      }
      for (const on of instances) expect429(await request(on.server).get(`${API}/tickets`).set(auth(f, 'agent', on)));
      const keys = await client.keys(`${prefix}*`);
      expect(keys).toEqual([`${prefix}rate:tenant:${f.tenant.id}`]);
      const ttl = await client.ttl(keys[0]);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    } finally {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length) await client.del(...keys);
      await client.quit();
      await Promise.all(instances.map((i) => i.close()));
      await Promise.all(stores.map((s) => s.onModuleDestroy()));
    }
    figures.push(`two instances sharing Redis: ${TENANT_LIMIT} requests alternated, the next one refused on both (429)`);
  });
});
