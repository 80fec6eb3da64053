import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import type { TenantFixture } from '../support/fixtures';
import { API, SESSION_PATHS, findCanary, idsByTable, loadSpec, operations, sampleBody, probeTargets, snapshotTenant, tableFor, createSweepTenants, type Operation, type Spec } from './battery';

type Auth = Record<string, string>;
/** Stored secrets' column names: no response may mention them. */
const SECRET_FIELDS = ['passwordHash', 'tokenHash', 'keyHash', 'secretHash'];

/** What a sweep's run is about, for its title and report line. */
export interface SweepOptions {
  title: string;
  /** Checked before probing: e.g. that the ORM tenant filter really is off. */
  precondition?: (t: TestApp) => Promise<void>;
}

/**
 * Every operation in the OpenAPI spec, called by each of tenant A's principals with tenant B's real
 * ids in path params, bodies and filters: no response may carry B's or C's canaries, and B's rows
 * stay byte-for-byte unchanged. Run by cross-tenant.e2e-spec.ts (everything on) and
 * cross-tenant-rls.e2e-spec.ts (the ORM tenant filter off: row-level security alone).
 */
export function describeCrossTenantSweep({ title, precondition }: SweepOptions): void {
  describe(title, () => {
    let t: TestApp;
    let spec: Spec;
    let a: TenantFixture;
    const others: { fx: TenantFixture; canary: string }[] = [];
    const principals: { name: string; auth: Auth }[] = [];

    const send = (op: Operation, path: string, auth: Auth, body?: unknown, query?: Record<string, string>) => {
      const req = request(t.server)[op.method](path).set(auth);
      if (query) void req.query(query);
      return body === undefined ? req : req.send(body as object);
    };

    beforeAll(async () => {
      t = await createTestApp();
      await precondition?.(t);
      spec = await loadSpec(t);
      const sweep = await createSweepTenants(t, spec);
      a = sweep.a;
      others.push(...sweep.others);
      principals.push(...sweep.principals);
      if (spec.paths[`${API}/api-keys`]) {
        const res = await request(t.server).post(`${API}/api-keys`).set(principals[0].auth).send({ name: 'battery', scopes: ['calls:write', 'calls:read'] });
        if (res.status === 201) principals.push({ name: 'api_key', auth: { 'X-API-Key': res.body.secret as string } });
      }
    });
    afterAll(() => t.close());

    it('finds B populated with canaried rows in several tables', async () => {
      const ids = await idsByTable(t, others[0].fx.tenant.id);
      expect(Object.keys(ids).length).toBeGreaterThanOrEqual(4);
      const dump = Object.values(await snapshotTenant(t, others[0].fx.tenant.id)).join('');
      expect(dump).toContain(others[0].canary);
    });

    it('leaks nothing of B or C and writes nothing to them', async () => {
      const b = others[0].fx.tenant.id;
      const canaries = others.flatMap((o) => [o.canary, o.fx.tenant.slug]);
      const bIds = await idsByTable(t, b);
      const tables = Object.keys(bIds);
      const idFor = (field: string) => bIds[tableFor(field, tables) ?? 'users']?.[0];
      const cBefore = await snapshotTenant(t, others[1].fx.tenant.id);
      let probes = 0;
      const leaks: string[] = [];
      const writes: string[] = [];
      const errors: string[] = []; // 5xx are the fuzz suite's to fail on; listed here for the report
      for (const op of operations(spec)) {
        if (SESSION_PATHS.test(op.path)) continue;
        const before = await snapshotTenant(t, b);
        const targets = probeTargets(op, bIds);
        for (const p of principals) {
          for (const target of targets) {
            const body = op.method === 'get' || op.method === 'delete' ? undefined : sampleBody(spec, op.body, 'probe', idFor);
            const res = await send(op, target.path, p.auth, body, target.query);
            probes++;
            const hit = findCanary(res, canaries) ?? findCanary(res, SECRET_FIELDS);
            if (hit) leaks.push(`${p.name} ${op.method.toUpperCase()} ${target.path} ${JSON.stringify(target.query ?? {})} → ${res.status} contains ${hit}`);
            if (res.status >= 500) errors.push(`${p.name} ${op.method.toUpperCase()} ${target.path} → ${res.status}`);
          }
        }
        const after = await snapshotTenant(t, b);
        for (const table of Object.keys(after)) if (after[table] !== before[table]) writes.push(`${op.method.toUpperCase()} ${op.path} changed B's ${table}`);
      }
      const cAfter = await snapshotTenant(t, others[1].fx.tenant.id);
      for (const table of Object.keys(cAfter)) if (cAfter[table] !== cBefore[table]) writes.push(`C's ${table} changed`);
      // A's principals must still be live, or every probe above proved nothing
      for (const p of principals.slice(0, 3)) await request(t.server).get(`${API}/users/${a.agent.id}`).set(p.auth).expect((r) => expect([200, 403]).toContain(r.status));
      if (leaks.length || writes.length || errors.length) process.stdout.write(`${[...leaks, ...writes, ...errors].join('\n')}\n`);
      process.stdout.write(`principals: ${principals.map((p) => p.name).join(', ')}\n[${title}]\ncross-tenant probes: ${leaks.length} leaks, ${writes.length} writes of ${probes} (${errors.length} 5xx)\n`);
      expect(leaks).toEqual([]);
      expect(writes).toEqual([]);
      expect(probes).toBeGreaterThan(100);
      // ~1,000 requests: under a full parallel suite on 2 cores this outlasts jest's default 60 s
    }, 300_000);
  });
}
