import path from 'node:path';
import request from 'supertest';
import { provisionAppRole } from '../../backend/src/database/app-role';
import type { TestApp } from '../support/app';
import { STATE_ENV, TEST_DATA_ROOT, type TestState } from '../support/state';
import type { TenantFixture } from '../support/fixtures';
import { API, SESSION_PATHS, findCanary, idsByTable, loadSpec, operations, sampleBody, probeTargets, snapshotTenant, tableFor, createSweepTenants, type Spec } from '../security/battery';
import { answeredCall } from '../e2e/call-logs.fixtures';
import { call, ensureBuiltApp, sleep, startAppProcess, startPrivatePostgres, type AppProcess, type Outcome, type PrivatePostgres } from './harness';
import { runLoad, summarise } from './load';

const LOAD_MS = 20_000;
/** Stored secrets' column names: no response may mention them. */
const SECRET_FIELDS = ['passwordHash', 'tokenHash', 'keyHash', 'secretHash'];
type Auth = Record<string, string>;

/**
 * Two instances of the built app on one database under a mixed load (list reads, ticket updates,
 * bulk call ingestion) of tenant A for LOAD_MS, while the cross-tenant sweep of
 * test/security (every operation of the OpenAPI spec, by each of A's principals, with B's real ids)
 * runs against both instances at once: no response may carry B's or C's canaries, B and C stay
 * unchanged, and nothing answers 5xx.
 */
describe('resilience: load with tenant isolation, two instances', () => {
  let pg: PrivatePostgres;
  let t: TestApp;
  const apps: AppProcess[] = [];
  let spec: Spec;
  let a: TenantFixture;
  const others: { fx: TenantFixture; canary: string }[] = [];
  const principals: { name: string; auth: Auth }[] = [];
  let load: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    ensureBuiltApp();
    pg = await startPrivatePostgres('load');
    const limits = { RATE_LIMIT_TENANT_PER_MINUTE: '1000000', RATE_LIMIT_API_KEY_PER_MINUTE: '1000000' };
    apps.push(await startAppProcess(pg.url, limits), await startAppProcess(pg.url, { ...limits, SLA_JOB_ENABLED: 'false' }));
    // the test's own in-process app on the same database fills the tenants through the API
    // (battery.ts): it connects as the app role like the instances (row-level security holds), its
    // fixtures as the owner (TestApp.orm)
    const appUrl = await provisionAppRole(pg.url, path.join(TEST_DATA_ROOT, 'load-isolation-app-role'));
    const state = JSON.parse(process.env[STATE_ENV]!) as TestState;
    process.env[STATE_ENV] = JSON.stringify({ ...state, databaseUrl: pg.url, appDatabaseUrl: appUrl });
    process.env.DATABASE_URL = appUrl;
    const { createTestApp } = await import('../support/app');
    t = await createTestApp();
    spec = await loadSpec(t);
    const sweep = await createSweepTenants(t, spec);
    a = sweep.a;
    others.push(...sweep.others);
    principals.push(...sweep.principals);
    const key = await request(t.server).post(`${API}/api-keys`).set(principals[0].auth).send({ name: 'load', scopes: ['calls:write', 'calls:read'] }).expect(201);
    principals.push({ name: 'api_key', auth: { 'X-API-Key': key.body.secret as string } });
    for (let n = 0; n < 10; n++) await request(t.server).post(`${API}/tickets`).set(principals[1].auth).send({ subject: `load ticket ${n}` }).expect(201);
  }, 300_000);

  afterAll(async () => {
    await load?.stop();
    for (const app of apps) await app.dispose();
    await t?.close();
    await pg?.destroy();
  }, 60_000);

  it('0 leaks and 0 5xx while both instances are under load', async () => {
    const canaries = others.flatMap((o) => [o.canary, o.fx.tenant.slug]);
    const [bTenant, cTenant] = others.map((o) => o.fx.tenant.id);
    const bIds = await idsByTable(t, bTenant);
    const tables = Object.keys(bIds);
    const idFor = (field: string) => bIds[tableFor(field, tables) ?? 'users']?.[0];
    const before = [await snapshotTenant(t, bTenant), await snapshotTenant(t, cTenant)];
    const ticketIds = ((await request(t.server).get(`${API}/tickets?range=[0,49]`).set(principals[1].auth).expect(200)).body as { id: string }[]).map((r) => r.id);

    // the load: tenant A's own work, spread over both instances
    const loadOutcomes: Outcome[] = [];
    const loadLeaks: string[] = [];
    let ingested = 0;
    const step = async (worker: number) => {
      const app = apps[worker % apps.length];
      const supervisor = principals[1].auth;
      const kind = Math.floor(Math.random() * 10);
      let outcome: Outcome;
      if (kind < 5) {
        const route = kind % 2 ? '/tickets?range=[0,24]' : '/call-logs?range=[0,24]';
        outcome = await call(`${app.url}${API}${route}`, { headers: supervisor });
      } else if (kind < 8) {
        const id = ticketIds[Math.floor(Math.random() * ticketIds.length)];
        const current = await call(`${app.url}${API}/tickets/${id}`, { headers: supervisor });
        loadOutcomes.push(current);
        const version = (current.body as { version?: number }).version;
        outcome = await call(`${app.url}${API}/tickets/${id}`, { method: 'PUT', headers: supervisor, body: { subject: `updated by worker ${worker}`, version } });
      } else {
        const items = Array.from({ length: 25 }, () => answeredCall({ agentId: a.agent.id }));
        outcome = await call(`${app.url}${API}/call-logs/bulk`, { method: 'POST', headers: principals[3].auth, body: { items } });
        if (outcome.status === 200) ingested += items.length;
      }
      loadOutcomes.push(outcome);
      const text = JSON.stringify(outcome.body ?? '');
      const hit = canaries.find((c) => text.includes(c));
      if (hit) loadLeaks.push(`load response contains ${hit}`);
    };
    const started = Date.now();
    load = runLoad(step, 3);

    // the sweep: every probe of test/security's cross-tenant sweep, several at a time, alternating between the instances
    const tasks: (() => Promise<void>)[] = [];
    let probes = 0;
    let probesUnderLoad = 0;
    let dispatched = 0;
    let loadRunning = true;
    const leaks: string[] = [];
    const sweepErrors: string[] = [];
    for (const op of operations(spec)) {
      if (SESSION_PATHS.test(op.path)) continue;
      const targets = probeTargets(op, bIds);
      for (const p of principals) {
        for (const target of targets) {
          tasks.push(async () => {
            const app = apps[dispatched++ % apps.length];
            const req = request(app.url)[op.method](target.path).set(p.auth);
            if (target.query) void req.query(target.query);
            const body = op.method === 'get' || op.method === 'delete' ? undefined : sampleBody(spec, op.body, 'probe', idFor);
            const res = await (body === undefined ? req : req.send(body as object));
            probes++;
            if (loadRunning) probesUnderLoad++;
            const hit = findCanary(res, canaries) ?? findCanary(res, SECRET_FIELDS);
            if (hit) leaks.push(`${p.name} ${op.method.toUpperCase()} ${target.path} → ${res.status} contains ${hit}`);
            if (res.status >= 500) sweepErrors.push(`${p.name} ${op.method.toUpperCase()} ${target.path} → ${res.status}`);
          });
        }
      }
    }
    let next = 0;
    const sweep = Promise.all(Array.from({ length: 6 }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }));
    await sleep(LOAD_MS);
    await load.stop();
    load = undefined;
    loadRunning = false;
    const loadMs = Date.now() - started;
    await sweep;
    const sweepMs = Date.now() - started;

    const after = [await snapshotTenant(t, bTenant), await snapshotTenant(t, cTenant)];
    const writes = ['B', 'C'].flatMap((name, i) => Object.keys(after[i]).filter((table) => after[i][table] !== before[i][table]).map((table) => `${name}'s ${table} changed`));
    const figures = summarise(loadOutcomes);
    if (leaks.length || loadLeaks.length || writes.length || sweepErrors.length) process.stdout.write(`${[...leaks, ...loadLeaks, ...writes, ...sweepErrors].join('\n')}\n`);
    process.stdout.write(
      [
        `load with isolation: 2 instances, ${Math.round(loadMs / 1000)} s, load ${figures.requests} requests (${JSON.stringify(figures.byStatus)}), ${ingested} call logs ingested, 5xx ${figures.status5xx}, no answer ${figures.noAnswer}`,
        `load with isolation: cross-tenant probes under load: ${leaks.length + loadLeaks.length} leaks, ${writes.length} writes of ${probes} (${sweepErrors.length} 5xx), ${probesUnderLoad} of them while the load ran, sweep took ${Math.round(sweepMs / 1000)} s`,
      ].join('\n') + '\n',
    );
    expect(leaks).toEqual([]);
    expect(loadLeaks).toEqual([]);
    expect(writes).toEqual([]);
    expect(sweepErrors).toEqual([]);
    expect(figures.status5xx).toBe(0);
    expect(figures.noAnswer).toBe(0);
    expect(probes).toBeGreaterThan(100);
    expect(probesUnderLoad).toBeGreaterThan(0);
    expect(figures.byStatus['200']).toBeGreaterThan(0);
  }, 300_000);
});
