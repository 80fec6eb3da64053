import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { TEST_PASSWORD, createSuperAdmin, createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { type Operation, type Schema, SESSION_PATHS, idsByTable, populateTenant, loadSpec, operations, resolve, sampleBody, snapshotTenant, tableFor, type Spec } from './battery';

/** Columns no request body may set; checked on the targeted row after each write. */
const GUARDED = ['id', 'tenant_id', 'created_at', 'number', 'version'];

/**
 * Every write operation of the spec, called by tenant A's org admin on A's own rows with forbidden
 * fields (tenantId, id, version, number, createdAt, role) added to a plausible body: none takes effect.
 */
describe('security: mass assignment', () => {
  let t: TestApp;
  let spec: Spec;
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    spec = await loadSpec(t);
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    await populateTenant(t, spec, a, 'MASS');
  });
  afterAll(() => t.close());

  it('ignores tenantId, id, version, number and createdAt in every write body', async () => {
    const auth = tokenFor(t, a.admin, a.tenant.id);
    const conn = t.orm.em.getConnection();
    const ids = await idsByTable(t, a.tenant.id);
    const tables = Object.keys(ids);
    const idFor = (field: string) => ids[tableFor(field, tables) ?? 'users']?.[0];
    const bBefore = await snapshotTenant(t, b.tenant.id);
    const forged = { tenantId: b.tenant.id, id: randomUUID(), version: 999, number: 1, createdAt: '2000-01-01T00:00:00.000Z' };
    let calls = 0;
    const changed: string[] = [];
    for (const op of operations(spec)) {
      if (!['put', 'patch'].includes(op.method) || op.pathParams.length !== 1 || SESSION_PATHS.test(op.path)) continue;
      const table = tableFor(op.path.split('/')[3] ?? '', tables);
      const id = table && ids[table]?.[0];
      if (!table || !id) continue;
      const guarded = async () => {
        const cols = (await conn.execute<{ column_name: string }[]>("select column_name from information_schema.columns where table_name = ? and table_schema = 'public'", [table]))
          .map((c) => c.column_name).filter((c) => GUARDED.includes(c) && c !== 'version');
        return JSON.stringify(await conn.execute(`select ${cols.map((c) => `"${c}"`).join(', ')} from "${table}" where id = ?`, [id]));
      };
      const before = await guarded();
      const body = { ...(sampleBody(spec, op.body, 'mass', idFor) as object), ...forged };
      const res = await request(t.server)[op.method](op.path.replace(`{${op.pathParams[0]}}`, id)).set(auth).send(body);
      calls++;
      expect(res.status).toBeLessThan(500);
      if ((await guarded()) !== before) changed.push(`${op.method.toUpperCase()} ${op.path} changed a guarded column of ${table}`);
    }
    // an agent may not promote itself through its own profile
    const self = await request(t.server).put(`/api/v1/users/${a.agent.id}`).set(tokenFor(t, a.agent, a.tenant.id)).send({ role: 'org_admin' });
    const [agentRow] = await conn.execute<{ role: string }[]>('select role from users where id = ?', [a.agent.id]);
    if (agentRow.role !== 'agent') changed.push(`PUT /users/{self} as agent → ${self.status} made the agent ${agentRow.role}`);
    const bAfter = await snapshotTenant(t, b.tenant.id);
    for (const key of Object.keys(bAfter)) if (bAfter[key] !== bBefore[key]) changed.push(`tenant B's ${key} changed`);
    if (changed.length) process.stdout.write(`${changed.join('\n')}\n`);
    process.stdout.write(`mass assignment (guarded columns of PUT/PATCH targets): ${changed.length} fields took effect over ${calls} write calls\n`);
    expect(changed).toEqual([]);
    expect(calls).toBeGreaterThan(3);
  });
  it('ignores server-owned fields in every POST, PUT and PATCH and never returns secret hashes', async () => {
    const auth = tokenFor(t, a.admin, a.tenant.id);
    const conn = t.orm.em.getConnection();
    const superAdmin = await createSuperAdmin(t);
    // a notification of A's admin, so its PUT has a row to act on
    const [own] = await conn.execute<{ id: string }[]>("insert into notifications (id, tenant_id, user_id, type, title, created_at, updated_at) values (gen_random_uuid(), ?, ?, 'ticket_assigned', 'mass', now(), now()) returning id::text", [a.tenant.id, a.admin.id]);
    const ids = await idsByTable(t, a.tenant.id);
    const ownNotification = () => ({ notifications: [own.id, ...(ids.notifications ?? []).filter((id) => id !== own.id)] });
    const tables = () => Object.keys(ids);
    const idFor = (field: string) => ids[field === 'calendarId' ? 'business_calendars' : tableFor(field, tables()) ?? 'users']?.[0];
    const bBefore = await snapshotTenant(t, b.tenant.id);
    const hits = await sentinelQuery(t);
    expect(await hits(randomUUID())).toEqual([]);
    // the sweep sees a sentinel once it is stored
    const probe = own.id;
    await conn.execute('update notifications set read_at = ? where id = ?', [FAR, probe]);
    expect(await hits(randomUUID())).toContain('notifications.read_at');
    await conn.execute('update notifications set read_at = null where id = ?', [probe]);
    const problems: string[] = [];
    let calls = 0;
    let refused = 0;
    // session routes last: a logout must not cut the sweep short
    const ops = operations(spec).filter((op) => ['post', 'put', 'patch'].includes(op.method));
    ops.sort((x, y) => Number(SESSION_PATHS.test(x.path)) - Number(SESSION_PATHS.test(y.path)));
    for (const op of ops) {
      // user writes act on the agent (demoting the admin whose token drives the sweep would end it), notification writes on the admin's own
      const target = pathFor(op, tables(), { ...ids, ...ownNotification(), users: [a.agent.id, ...(ids.users ?? []).filter((id) => id !== a.agent.id)] });
      if (!target) {
        problems.push(`${op.method.toUpperCase()} ${op.path}: no row to call it on`);
        continue;
      }
      const docs = documented(spec, op.body);
      const injectedId = randomUUID();
      const otherId = op.method === 'post' ? injectedId : (target.table && ids[target.table]?.find((id) => id !== target.id)) ?? injectedId;
      const forged = forgedFields(b.tenant.id, otherId, injectedId);
      // a DTO may document `role` (a user's) or `version` (optimistic locking): sent legitimately, then forged on their own
      const variants: Record<string, unknown>[] = [Object.fromEntries(Object.entries(forged).filter(([k]) => !(['role', 'version'].includes(k) && docs.has(k))))];
      for (const k of ['role', 'version']) if (docs.has(k)) variants.push({ [k]: forged[k] });
      for (const extra of variants) {
        const guarded = () => (target.table && target.id && op.method !== 'post' ? guardedColumns(t, target.table, [target.id, otherId]) : Promise.resolve(''));
        const before = await guarded();
        const body = await plausible(t, op, inject(sampleBody(spec, op.body, `mass${calls}`, idFor), extra, docs), calls, superAdmin.email, a.tenant.id, idFor);
        // the legitimate value of a documented role: one that changes nobody's rights
        if (docs.has('role') && !('role' in extra)) body.role = 'agent';
        if (docs.has('version') && !('version' in extra) && target.table && target.id) {
          const [row] = await conn.execute<{ version: number }[]>(`select version from "${target.table}" where id = ?`, [target.id]);
          if (row) body.version = row.version;
        }
        const res = await request(t.server)[op.method](target.path).set(auth).send(body);
        calls++;
        const call = `${op.method.toUpperCase()} ${op.path} (${Object.keys(extra).length > 2 ? 'all forged fields' : Object.keys(extra).join()}) → ${res.status}`;
        if (SECRET_HASH.test(res.text ?? '')) problems.push(`${call} returned ${SECRET_HASH.exec(res.text)?.[0]}`);
        if (res.status >= 500) problems.push(`${call}: server error`);
        else if (res.status >= 400) {
          refused++;
          if (!String(res.headers['content-type']).startsWith('application/problem+json')) problems.push(`${call}: refused without problem+json`);
        }
        for (const hit of await hits(injectedId)) problems.push(`${call} stored ${hit}`);
        if ((await guarded()) !== before) problems.push(`${call} changed id/tenant_id/created_at/number of ${target.table}`);
        Object.assign(ids, await idsByTable(t, a.tenant.id));
      }
    }
    const bAfter = await snapshotTenant(t, b.tenant.id);
    for (const key of Object.keys(bAfter)) if (bAfter[key] !== bBefore[key]) problems.push(`tenant B's ${key} changed`);
    if (problems.length) process.stdout.write(`${problems.join('\n')}\n`);
    process.stdout.write(`mass assignment: ${problems.length} fields took effect over ${calls} write calls (${refused} refused)\n`);
    expect(problems).toEqual([]);
    expect(calls - refused).toBeGreaterThan(10);
  });
});

const SECRET_HASH = /password_?hash|token_?hash|key_?hash|secret_?hash/i;
const FAR = '2099-01-01T00:00:00.000Z';
const FORGED_NUMBER = 424242;
const FORGED_MINUTES = 4242;

/** Fields only the server may set, with values no legitimate write produces. */
function forgedFields(otherTenantId: string, id: string, injectedId: string): Record<string, unknown> {
  return {
    tenantId: otherTenantId, id, version: 999, number: FORGED_NUMBER, createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z',
    role: 'super_admin',
    // tickets' SLA clocks and lifecycle stamps
    sla: { firstResponse: { status: 'met', dueAt: FAR, metAt: FAR } }, slaPolicyId: injectedId, slaNextDueAt: FAR, slaNextWarnAt: FAR,
    slaPausedSince: FAR, slaPausedMinutes: FORGED_MINUTES, firstRespondedAt: FAR, resolvedAt: FAR, closedAt: FAR,
    // SLA events and notifications
    ticketId: injectedId, userId: injectedId, dueAt: FAR, occurredAt: FAR, readAt: FAR, sentAt: FAR, deliveredAt: FAR, lastUsedAt: FAR, revokedAt: FAR, expiresAt: FAR,
  };
}

/**
 * The sample body made acceptable apart from the forged fields: unique names and phones, a consistent
 * call outcome, the full list a reorder needs, a tenant slug left alone, a login that succeeds.
 */
async function plausible(t: TestApp, op: Operation, body: unknown, n: number, loginEmail: string, tenantId: string, idFor: (field: string) => string | undefined): Promise<Record<string, unknown>> {
  const conn = t.orm.em.getConnection();
  const column = async (sql: string) => (await conn.execute<{ v: string }[]>(sql, [tenantId])).map((r) => r.v);
  const fix = async (v: unknown): Promise<unknown> => {
    if (Array.isArray(v)) return Promise.all(v.map(fix));
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'missedReason') continue;
      if (k === 'externalId') out[k] = `mass-call-${n}`;
      else if (k === 'disposition') out[k] = (await column('select name as v from dispositions where tenant_id = ? order by created_at limit 1'))[0];
      else
      out[k] = typeof x === 'string' && /phone|Number$/i.test(k) ? `+1415555${String(1000 + n)}` : await fix(x);
    }
    return out;
  };
  const out = ((await fix(body)) ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body)) return out;
  if (op.path === '/api/v1/tenants/{id}') delete out.slug;
  // DTO fields the served document leaves undescribed
  if (op.path === '/api/v1/notifications/{id}') out.read = true;
  if (op.path.startsWith('/api/v1/sla-policies') && 'calendarId' in out) out.calendarId = idFor('calendarId');
  if (op.path.endsWith('/tickets/bulk')) out.ids = await column('select id::text as v from tickets where tenant_id = ? order by number limit 2');
  if (op.path.endsWith('/tickets/bulk')) out.changes = { ...(out.changes as object), priority: 'high', number: FORGED_NUMBER, slaNextDueAt: FAR, firstRespondedAt: FAR, tenantId: out.tenantId };
  if (op.path.endsWith('/sla-policies/reorder')) {
    out.ids = await column('select id::text as v from sla_policies where tenant_id = ? order by position');
  }
  if (op.path.endsWith('/auth/login')) Object.assign(out, { email: loginEmail, password: TEST_PASSWORD });
  return out;
}

/** Never writable by a client, even where a DTO documents them. */
const ALWAYS_FORBIDDEN = ['tenantId', 'id', 'number', 'createdAt', 'updatedAt', 'role', 'version', 'sla', 'slaPolicyId', 'slaNextDueAt', 'slaNextWarnAt', 'firstRespondedAt'];

/** Every property name the body schema documents, at any depth: a client may set those (except ALWAYS_FORBIDDEN). */
function documented(spec: Spec, schema: Schema | undefined, out = new Set<string>(), depth = 0): Set<string> {
  const s = resolve(spec, schema);
  if (depth > 6) return out;
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.add(k);
    documented(spec, v, out, depth + 1);
  }
  if (s.items) documented(spec, s.items, out, depth + 1);
  return out;
}

/** The forged fields on the body and on every object item of its arrays (bulk endpoints). */
function inject(body: unknown, forged: Record<string, unknown>, allowed: Set<string>): unknown {
  if (Array.isArray(body)) return body.map((item) => inject(item, forged, allowed));
  if (!body || typeof body !== 'object') return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v) && v.some((i) => i && typeof i === 'object')) out[k] = inject(v, forged, allowed);
  for (const [k, v] of Object.entries(forged)) if (ALWAYS_FORBIDDEN.includes(k) || !allowed.has(k)) out[k] = v;
  return out;
}

/** The concrete path of `op` on tenant A's rows, and the row a PUT/PATCH targets. */
function pathFor(op: Operation, tables: string[], ids: Record<string, string[]>): { path: string; table?: string; id?: string } | null {
  let path = op.path;
  let table: string | undefined;
  let id: string | undefined;
  for (const param of op.pathParams) {
    const segments = op.path.split('/');
    const segment = segments[segments.indexOf(`{${param}}`) - 1] ?? '';
    table = tableFor(segment, tables) ?? tableFor(param, tables);
    id = table && ids[table]?.[0];
    if (!id) return null;
    path = path.replace(`{${param}}`, id);
  }
  return { path, table, id };
}

async function guardedColumns(t: TestApp, table: string, rowIds: string[]): Promise<string> {
  const conn = t.orm.em.getConnection();
  const cols = (await conn.execute<{ column_name: string }[]>("select column_name from information_schema.columns where table_name = ? and table_schema = 'public'", [table]))
    .map((c) => c.column_name).filter((c) => ['id', 'tenant_id', 'created_at', 'number'].includes(c));
  return JSON.stringify(await conn.execute(`select ${cols.map((c) => `"${c}"`).join(', ')} from "${table}" where id in (?, ?) order by id`, rowIds));
}

/**
 * One query over every table for the sentinels of `forgedFields`: the injected uuid in any uuid column,
 * year-2099 timestamps, `version` 999, the forged `number`, year-2000 `created_at`, a `super_admin` role,
 * forged SLA JSON or paused minutes. Audit and outbox rows record requests, not state, and are left out.
 */
async function sentinelQuery(t: TestApp): Promise<(injectedId: string) => Promise<string[]>> {
  const conn = t.orm.em.getConnection();
  const cols = await conn.execute<{ table_name: string; column_name: string; data_type: string; udt_name: string }[]>(
    "select c.table_name, c.column_name, c.data_type, c.udt_name from information_schema.columns c join information_schema.tables tb on tb.table_name = c.table_name and tb.table_schema = c.table_schema " +
      "where c.table_schema = 'public' and tb.table_type = 'BASE TABLE' and c.table_name !~ '^(audit|outbox|mikro_orm)'",
  );
  const tenantOwned = new Set(cols.filter((c) => c.column_name === 'tenant_id').map((c) => c.table_name));
  const parts: string[] = [];
  for (const { table_name: table, column_name: col, data_type: type, udt_name: udt } of cols) {
    const q = (cond: string) => parts.push(`select '${table}.${col}' as hit from "${table}" where ${cond}`);
    if (udt === 'uuid') q(`"${col}" = :injected`);
    else if (type.startsWith('timestamp')) q(col === 'created_at' ? `"${col}" < '2001-01-01' or "${col}" >= '2099-01-01'` : `"${col}" >= '2099-01-01'`);
    else if (col === 'version') q(`"${col}" = 999`);
    else if (col === 'number') q(`"${col}" = ${FORGED_NUMBER}`);
    else if (col === 'role') q(`"${col}"::text = 'super_admin'${tenantOwned.has(table) ? ' and tenant_id is not null' : ''}`);
    else if (col === 'sla_paused_minutes') q(`"${col}" = ${FORGED_MINUTES}`);
    else if (udt === 'json' || udt === 'jsonb') {
      if (/sla|notification/.test(table) || col === 'sla') q(`"${col}"::text like '%2099-%'`);
    }
  }
  const sql = parts.join(' union all ');
  return async (injectedId) => (await conn.execute<{ hit: string }[]>(sql.replaceAll(':injected', `'${injectedId}'`))).map((r) => r.hit);
}
