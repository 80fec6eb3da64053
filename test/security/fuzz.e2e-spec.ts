import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { SESSION_PATHS, idsByTable, operations, loadSpec, populateTenant, responseChecker, sampleBody, tableFor, type Operation, type Spec } from './battery';

const RUNS_PER_OPERATION = 12;
const SEED = 20261125;
const NIL = '00000000-0000-4000-8000-000000000000';

/** Junk for the list parameters: broken JSON, wrong types, huge and negative numbers, long strings. */
const junkFilter = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('{', 'not json', '{"q":' + JSON.stringify('x'.repeat(2000)) + '}', '{"id":123}', '{"id":[1,{"a":2}]}', '{"createdAt_gte":"yesterday"}', '{"__proto__":{"admin":true}}', '{"status":["nope",null]}', '{"ownerId":"me"}', '[]', 'null'),
  fc.dictionary(fc.constantFrom('q', 'id', 'status', 'ownerId', 'createdAt', 'updatedAt_lte', 'nope'), fc.jsonValue({ maxDepth: 2 })).map((v) => JSON.stringify(v)),
);
const junkSort = fc.oneof(
  fc.constantFrom('["id","ASC"]', '["nope","DESC"]', '["id","sideways"]', '["id"]', '[1,2]', 'id', '[', '["id","ASC","x"]', '"id"'),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
);
const junkRange = fc.oneof(
  fc.tuple(fc.oneof(fc.integer(), fc.double(), fc.constant(1e308)), fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2))).map((v) => JSON.stringify(v)),
  fc.constantFrom('[0,24]', '[5,1]', '[-1,3]', '[0,1e400]', '[0]', '["a","b"]', '[0,24,5]', '0-24', '[', '[0,1000000000000000000000]'),
);
const junkHeaders = fc.record({
  'If-Match': fc.constantFrom('', 'W/"1"', '"abc"', '*', '"999999999999999999999"', 'W/"-1"', '1'.repeat(500)),
  'X-Tenant-Id': fc.constantFrom(NIL, 'x', '', "' or 1=1 --", '1'.repeat(300)),
  'Idempotency-Key': fc.constantFrom('', 'k', 'x'.repeat(400), '../../etc/passwd', '{"a":1}'),
}, { requiredKeys: [] });

/**
 * Property-based fuzz of every operation in the spec (seeded, bounded): writes with valid sample bodies,
 * bodies with one field replaced by arbitrary JSON, arbitrary JSON, junk path ids, content types and
 * headers; reads with junk `filter`/`sort`/`range` and headers. No 5xx; every 4xx is problem+json; every
 * answer's status is documented for its operation and its body matches the documented schema.
 */
describe('security: fuzz of every operation', () => {
  let t: TestApp;
  let spec: Spec;
  let a: TenantFixture;
  let check: ReturnType<typeof responseChecker>;
  let auth: Record<string, string>;
  let realIdFor: (op: Operation) => string;
  let idFor: (field: string) => string | undefined;
  let requests = 0;
  const failures: string[] = [];
  const mismatches: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    spec = await loadSpec(t);
    check = responseChecker(spec);
    a = await createTenantFixture(t);
    await populateTenant(t, spec, a, 'FUZZ');
    auth = tokenFor(t, a.admin, a.tenant.id);
    const ids = await idsByTable(t, a.tenant.id);
    const tables = Object.keys(ids);
    idFor = (field) => ids[tableFor(field, tables) ?? 'users']?.[0];
    realIdFor = (op) => {
      const table = tableFor(op.path.split('/')[3] ?? '', tables);
      return (table && ids[table]?.[0]) ?? NIL;
    };
  });
  afterAll(async () => {
    await t.close();
    if (failures.length) process.stdout.write(`${failures.slice(0, 30).join('\n')}\n`);
    if (mismatches.length) process.stdout.write(`${[...new Set(mismatches)].slice(0, 40).join('\n')}\n`);
    const fiveXx = failures.filter((f) => / → 5\d\d/.test(f)).length;
    process.stdout.write(`fuzz: ${requests} requests, ${fiveXx} 5xx, ${mismatches.length} schema mismatches (seed ${SEED})\n`);
  });

  /** Records one answer: 5xx and non-problem 4xx are failures, anything off-spec is a mismatch. */
  const judge = (op: Operation, where: string, res: request.Response) => {
    requests++;
    where = `${where} → ${res.status}`;
    if (res.status >= 500) failures.push(where);
    else if (res.status >= 400) {
      const ok = String(res.headers['content-type']).includes('application/problem+json') &&
        ['type', 'title', 'detail'].every((k) => typeof res.body[k] === 'string') && res.body.status === res.status;
      if (!ok) failures.push(`${where} not problem+json`);
    }
    const mismatch = check(op.method, op.path, res);
    if (mismatch) mismatches.push(`${op.method.toUpperCase()} ${op.path} ${res.status}: ${mismatch}`);
  };

  const pathId = (op: Operation) => fc.oneof(fc.constant(realIdFor(op)), fc.uuid(), fc.constantFrom('x', '%00', '..', '1'.repeat(300), 'null'));

  it('answers writes (valid, mutated and junk bodies and headers) without 5xx, as documented', async () => {
    for (const op of operations(spec)) {
      if (!['post', 'put', 'patch'].includes(op.method) || SESSION_PATHS.test(op.path)) continue;
      const sample = (sampleBody(spec, op.body, 'fuzz', idFor) ?? {}) as Record<string, unknown>;
      const keys = Object.keys(sample);
      const body = fc.oneof(
        fc.constant(sample),
        keys.length ? fc.record({ key: fc.constantFrom(...keys), value: fc.jsonValue({ maxDepth: 3 }) }).map(({ key, value }) => ({ ...sample, [key]: value })) : fc.constant(sample),
        fc.jsonValue({ maxDepth: 3 }),
      );
      const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1');
      await fc.assert(
        fc.asyncProperty(body, pathId(op), junkHeaders, contentType, async (b, id, h, type) => {
          const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(id));
          const res = await request(t.server)[op.method](path).set(auth).set(h).set('Content-Type', type).send(JSON.stringify(b));
          judge(op, `${op.method.toUpperCase()} ${path} [${type}] ${JSON.stringify(h).slice(0, 80)} ${JSON.stringify(b).slice(0, 160)}`, res);
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
    expect([...new Set(mismatches)]).toEqual([]);
    expect(requests).toBeGreaterThan(50);
  });

  it('answers reads with junk filter, sort, range and headers without 5xx, as documented', async () => {
    const before = { requests, failures: failures.length, mismatches: mismatches.length };
    for (const op of operations(spec)) {
      if (op.method !== 'get') continue;
      const query = fc.record({ filter: junkFilter, sort: junkSort, range: junkRange }, { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(query, pathId(op), junkHeaders, async (q, id, h) => {
          const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(id));
          const res = await request(t.server).get(path).set(auth).set(h).query(q);
          judge(op, `GET ${path} ${JSON.stringify(q).slice(0, 160)} ${JSON.stringify(h).slice(0, 80)}`, res);
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
    }
    expect(failures.slice(before.failures)).toEqual([]);
    expect([...new Set(mismatches.slice(before.mismatches))]).toEqual([]);
    expect(requests - before.requests).toBeGreaterThan(50);
  });
});
