import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { SESSION_PATHS, idsByTable, operations, loadSpec, populateTenant, sampleBody, tableFor, type Spec } from './battery';

const RUNS_PER_OPERATION = 12;
const SEED = 20261125;

/**
 * Property-based fuzz of every write operation in the spec (seeded, bounded): valid sample bodies,
 * bodies with one field replaced by arbitrary JSON, junk path ids and odd headers. No 5xx; every
 * 4xx is problem+json with type, title, status and detail.
 */
describe('security: fuzz of write operations', () => {
  let t: TestApp;
  let spec: Spec;
  let a: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    spec = await loadSpec(t);
    a = await createTenantFixture(t);
    await populateTenant(t, spec, a, 'FUZZ');
  });
  afterAll(() => t.close());

  it('never answers 5xx and always answers 4xx as problem+json', async () => {
    const auth = tokenFor(t, a.admin, a.tenant.id);
    const ids = await idsByTable(t, a.tenant.id);
    const tables = Object.keys(ids);
    const idFor = (field: string) => ids[tableFor(field, tables) ?? 'users']?.[0];
    let requests = 0;
    const failures: string[] = [];
    for (const op of operations(spec)) {
      if (!['post', 'put', 'patch'].includes(op.method) || SESSION_PATHS.test(op.path)) continue;
      const sample = (sampleBody(spec, op.body, 'fuzz', idFor) ?? {}) as Record<string, unknown>;
      const keys = Object.keys(sample);
      const table = tableFor(op.path.split('/')[3] ?? '', tables);
      const realId = (table && ids[table]?.[0]) ?? '00000000-0000-4000-8000-000000000000';
      const body = fc.oneof(
        fc.constant(sample),
        keys.length ? fc.record({ key: fc.constantFrom(...keys), value: fc.jsonValue({ maxDepth: 3 }) }).map(({ key, value }) => ({ ...sample, [key]: value })) : fc.constant(sample),
        fc.jsonValue({ maxDepth: 3 }),
      );
      const pathId = fc.oneof(fc.constant(realId), fc.uuid(), fc.constantFrom('x', '%00', '..', '1'.repeat(300), 'null'));
      const header = fc.record({ 'If-Match': fc.constantFrom('', 'W/"1"', '"abc"', '*'), 'Content-Type': fc.constantFrom('application/json', 'application/json; charset=utf-8') });
      await fc.assert(
        fc.asyncProperty(body, pathId, header, async (b, id, h) => {
          const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(id));
          const res = await request(t.server)[op.method](path).set(auth).set(h).send(JSON.stringify(b));
          requests++;
          const where = `${op.method.toUpperCase()} ${path} ${JSON.stringify(b).slice(0, 200)} → ${res.status}`;
          if (res.status >= 500) failures.push(where);
          else if (res.status >= 400) {
            const ok = String(res.headers['content-type']).includes('application/problem+json') &&
              ['type', 'title', 'detail'].every((k) => typeof res.body[k] === 'string') && res.body.status === res.status;
            if (!ok) failures.push(`${where} not problem+json`);
          }
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
    }
    if (failures.length) process.stdout.write(`${failures.slice(0, 30).join('\n')}\n`);
    process.stdout.write(`fuzz: ${requests} requests, ${failures.filter((f) => / → 5\d\d$/.test(f)).length} 5xx, ${failures.length} failures (seed ${SEED})\n`);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(50);
  });
});
