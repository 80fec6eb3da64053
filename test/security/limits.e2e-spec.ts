import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { AppConfig } from '../../backend/src/config/app-config.service';
import { listen, sleep } from '../support/sockets';

const MB = 1024 * 1024;

/** A full collection before a heap reading: `gc` from a fresh context once the flag is set at runtime. */
function collectGarbage(): boolean {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
  gc?.();
  return Boolean(gc);
}

const expectProblem = (res: request.Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }));
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
};

/** Request-size, nesting, paging and header hardening on the real Fastify app. */
describe('security: resource limits and headers', () => {
  let t: TestApp;
  let a: TenantFixture;
  let auth: Record<string, string>;
  const figures: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    auth = tokenFor(t, a.admin, a.tenant.id);
  });
  afterAll(async () => {
    await t.close();
    process.stdout.write(`${figures.join('\n')}\n`);
  });

  it('answers an oversized body with 413 problem+json', async () => {
    const res = await request(t.server).post('/api/v1/leads').set(auth).set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }));
    expectProblem(res, 413);
    expect(res.body.code ?? res.body.type).toMatch(/payload-too-large/);
    figures.push('oversized body: 413');
  });

  it('answers deeply nested JSON with 400 problem+json', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = { d: deep };
    const res = await request(t.server).post('/api/v1/leads').set(auth).send({ name: 'Deep', extra: deep });
    expectProblem(res, 400);
    figures.push('deep JSON: 400');
  });

  it('answers an over-long array with 400 problem+json', async () => {
    const res = await request(t.server).post('/api/v1/leads').set(auth).send({ name: 'Long', tags: Array.from({ length: 5000 }, (_, i) => `t${i}`) });
    expectProblem(res, 400);
  });

  it('refuses a huge range and a filter with 5,000 ids', async () => {
    expectProblem(await request(t.server).get('/api/v1/users').set(auth).query({ range: JSON.stringify([0, 100000]) }), 400);
    const ids = (n: number) => Array.from({ length: n }, () => '00000000-0000-4000-8000-000000000000');
    // 5,000 UUIDs make a ~200 KB URL: Node's 16 KiB header cap refuses it before Fastify (431)
    const huge = await request(t.server).get('/api/v1/users').set(auth).query({ filter: JSON.stringify({ id: ids(5000) }) });
    expect(huge.status).toBe(431);
    // one past the cap in a URL that fits goes through list-query's own check
    const res = await request(t.server).get('/api/v1/users').set(auth).query({ filter: JSON.stringify({ id: Array.from({ length: 1001 }, () => 'x') }) });
    expectProblem(res, 400);
    figures.push('huge range: 400, 5,000-id filter: 431, 1,001-id filter: 400');
  });

  it('answers an over-long path parameter with 414 problem+json', async () => {
    expectProblem(await request(t.server).get(`/api/v1/users/${'1'.repeat(300)}`).set(auth), 414);
  });

  it('runs app queries under a statement timeout', async () => {
    const [row] = await t.appOrm.em.getConnection().execute<{ statement_timeout: string }[]>('show statement_timeout');
    expect(row.statement_timeout).toBe('10s');
    figures.push(`statement_timeout: ${row.statement_timeout}`);
  });

  it('sends the security headers and no X-Powered-By', async () => {
    const res = await request(t.server).get('/api/v1/health/live');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options'] ?? '').toMatch(/DENY|SAMEORIGIN/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['referrer-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends the same security headers on problem responses, with the app’s CSP', async () => {
    const res = await request(t.server).get('/api/v1/tickets');
    expect(res.status).toBe(401);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("connect-src 'self' ws: wss:");
    expect(res.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('allows only configured CORS origins and never a credentialed wildcard', async () => {
    const evil = await request(t.server).options('/api/v1/users').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const res = await request(t.server).get('/api/v1/health/live').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers a configured origin with exactly that origin, and exposes the paging and rate-limit headers', async () => {
    const origin = t.app.get(AppConfig).corsOrigins[0];
    const res = await request(t.server).get('/api/v1/users').set(auth).set('Origin', origin).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const exposed = String(res.headers['access-control-expose-headers']).split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['Content-Range', 'X-Total-Count', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy']));
  });

  it('refuses TRACE and undocumented methods with problem+json', async () => {
    const marker = `echo-${Date.now()}`;
    for (const path of ['/api/v1/users', '/api/v1/health/live', '/']) {
      const res = await request(t.server).trace(path).set(auth).set('X-Echo-Marker', marker);
      expect([404, 405]).toContain(res.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      // TRACE must not reflect the request (cross-site tracing): neither the marker nor the token
      expect(res.text).not.toContain(marker);
      expect(res.text).not.toContain(auth.Authorization.slice(7));
    }
    const del = await request(t.server).delete('/api/v1/health/live');
    expect([404, 405]).toContain(del.status);
    expect(del.headers['content-type']).toContain('application/problem+json');
    figures.push('headers/CORS/methods: checked');
  });

  it('answers unknown API routes with 404 problem+json and no stack trace', async () => {
    for (const [method, path] of [['get', '/api/v1/nope'], ['post', '/api/v1/nope'], ['get', '/api/v1/users/x/y/z'], ['get', '/api/v2/users'], ['delete', '/api/v1/tenants']] as const) {
      const res = await request(t.server)[method](path).set(auth);
      expectProblem(res, 404);
      expect(res.text).not.toMatch(/node_modules|\/src\//);
    }
    figures.push('unknown routes: 404 problem+json');
  });

  it('keeps memory and event-loop delay bounded under a burst of hostile requests', async () => {
    const url = await listen(t);
    const oversized = JSON.stringify({ name: 'x'.repeat(MB + 10) });
    const nested = `${'{"d":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const uuids = Array.from({ length: 300 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const kinds: [string, () => request.Test][] = [
      ['oversized body', () => request(url).post('/api/v1/leads').set(auth).set('Content-Type', 'application/json').send(oversized)],
      ['nested JSON', () => request(url).post('/api/v1/tickets').set(auth).set('Content-Type', 'application/json').send(nested)],
      ['1,000-row range', () => request(url).get('/api/v1/leads').set(auth).query({ range: '[0,999]' })],
      ['wildcard q', () => request(url).get('/api/v1/tickets').set(auth).query({ filter: JSON.stringify({ q: `${'a%_b '.repeat(30)}` }), range: '[0,999]' })],
      ['over-long q', () => request(url).get('/api/v1/leads').set(auth).query({ filter: JSON.stringify({ q: 'x'.repeat(4000) }), range: '[0,999]' })],
      ['300 ids', () => request(url).get('/api/v1/users').set(auth).query({ filter: JSON.stringify({ id: uuids }), range: '[0,999]' })],
    ];
    await kinds[2][1](); // warm up routes and pools before the baseline
    const hadGc = collectGarbage();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const answers = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      const [kind, send] = kinds[i % kinds.length];
      return { kind, res: await send() };
    }));
    delay.disable();
    clearInterval(sampler);
    await sleep(500);
    collectGarbage();
    const after = process.memoryUsage();

    const statuses: Record<string, Record<number, number>> = {};
    for (const { kind, res } of answers) {
      (statuses[kind] ??= {})[res.status] = (statuses[kind][res.status] ?? 0) + 1;
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      else expect(Array.isArray(res.body)).toBe(true);
    }
    // the hostile kinds are refused, the heavy reads answer pages (or 429 once over the rate limit)
    expect(Object.keys(statuses['oversized body']).every((s) => ['413', '429'].includes(s))).toBe(true);
    expect(Object.keys(statuses['nested JSON']).every((s) => ['400', '429'].includes(s))).toBe(true);
    const heapGrowth = (after.heapUsed - before.heapUsed) / MB;
    const p99 = delay.percentile(99) / 1e6;
    figures.push(
      `burst of ${answers.length}: ${JSON.stringify(statuses)}; heap ${(before.heapUsed / MB).toFixed(0)} → ${(after.heapUsed / MB).toFixed(0)} MB ` +
        `(growth ${heapGrowth.toFixed(1)} MB${hadGc ? ' after GC' : ' settled'}), rss peak ${(peakRss / MB).toFixed(0)} MB (+${((peakRss - before.rss) / MB).toFixed(0)}), ` +
        `event-loop delay p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`,
    );
    expect(heapGrowth).toBeLessThan(100);
    expect((peakRss - before.rss) / MB).toBeLessThan(1024);
    expect(p99).toBeLessThan(1000);
  });
});
