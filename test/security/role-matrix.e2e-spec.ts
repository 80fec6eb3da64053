import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { API_KEY_SCOPES, type ApiKeyScope } from '@callpro/contracts';
import { asSubject, defineAbilityFor, SUBJECTS, type AppAbility, type Principal, type SubjectName } from '@callpro/permissions';
import { IS_PUBLIC, POLICY, type PolicyMetadata } from '../../backend/src/common/auth/decorators';
import { loadSwaggerPluginMetadata } from '../../scripts/openapi-document';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { API, SESSION_PATHS, idsByTable, loadSpec, operations, populateTenant, sampleBody, tableFor, type Operation, type Spec } from './battery';

type Auth = Record<string, string>;
type RoutePolicy = PolicyMetadata | 'authenticated' | 'public';
/** What DESIGN.md §3 (through defineAbilityFor) says about one cell. */
type Expected = 'allowed' | 'refused' | 'row-refused' | 'no-route';

interface Actor {
  name: string;
  auth: Auth;
  principal: Principal;
  ability: AppAbility;
  /** The user this principal acts as, for `*Id` fields of what it creates ("own" rows). */
  ownUserId: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const USER_FIELDS = /^(agentId|assigneeId|ownerId|userId|authorId)$/;

/** Each route's declared policy, by the operationId that the OpenAPI document gives its handler. */
function policiesByOperationId(t: TestApp): Map<string, RoutePolicy> {
  const scanner = new MetadataScanner();
  const out = new Map<string, RoutePolicy>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const meta = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const policy: RoutePolicy = meta(IS_PUBLIC) === true ? 'public' : (meta(POLICY) as PolicyMetadata | 'authenticated');
        out.set(`${controller.name.replace(/Controller$/, '')}_${name}`, policy);
      }
    }
  }
  return out;
}

/** `call-logs` → CallLog, `analytics` → Analytics: the subject a path's resource names. */
function subjectOfPath(path: string): string | undefined {
  const pascal = (path.split('/')[3] ?? '').split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return [pascal, pascal.replace(/ies$/, 'y'), pascal.replace(/s$/, '')].find((s) => (SUBJECTS as readonly string[]).includes(s));
}

const camel = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

/**
 * Every operation of the OpenAPI spec × every principal (super admin, org admin, supervisor, agent,
 * an API key per scope and one with all scopes), plus the methods a path does NOT have. The
 * expected outcome of each cell comes from the route's @Policy and defineAbilityFor (DESIGN.md §3),
 * checked against the target row (or the created body) where the rule has conditions:
 *   allowed      any answer but 401/403/5xx (400 for a sample body is fine: the guards let it through)
 *   refused      403
 *   row-refused  403 or 404 (the principal may act on some rows of the subject, not on this one)
 *   no-route     404 or 405, problem+json (a method swap never reaches a handler)
 */
describe('security: role × operation matrix over the OpenAPI spec', () => {
  let t: TestApp;
  let spec: Spec;
  let a: TenantFixture;
  let policies: Map<string, RoutePolicy>;
  const actors: Actor[] = [];
  /** Rows that the matrix must not delete or edit: its own principals. */
  const protectedIds = new Set<string>();

  const conn = () => t.orm.em.getConnection();
  // to_json: timestamps as ISO-8601 strings, which the ability's conditions compare as instants
  const rowsOf = async (table: string): Promise<Record<string, unknown>[]> =>
    (table === 'tenants'
      ? await conn().execute<{ row: Record<string, unknown> }[]>('select to_json(r) as row from tenants r where id = ?', [a.tenant.id])
      : await conn().execute<{ row: Record<string, unknown> }[]>(`select to_json(r) as row from "${table}" r where tenant_id = ? order by id`, [a.tenant.id])
    ).map((r) => r.row);

  beforeAll(async () => {
    // the DTO properties that `nest build`'s Swagger plugin infers (UpdateNotificationDto.read), for valid sample bodies
    await loadSwaggerPluginMetadata();
    t = await createTestApp();
    spec = await loadSpec(t);
    policies = policiesByOperationId(t);
    a = await createTenantFixture(t);
    const sa = await createSuperAdmin(t);
    for (let i = 0; i < 3; i++) await populateTenant(t, spec, a, `MATRIX${randomBytes(4).toString('hex')}`);
    const tenantId = a.tenant.id;
    // notifications of the agent's own and of someone else's, whichever users the populate picked
    for (const assignee of [a.agent, a.agent2]) {
      await request(t.server).post(`${API}/tickets`).set(tokenFor(t, a.admin, tenantId)).send({ subject: 'Matrix assignment', assigneeId: assignee.id }).expect(201);
    }
    const user = (name: string, id: string, role: 'super_admin' | 'org_admin' | 'supervisor' | 'agent', auth: Auth): Actor => {
      const principal: Principal = { kind: 'user', userId: id, tenantId, role };
      return { name, auth, principal, ability: defineAbilityFor(principal), ownUserId: id };
    };
    const admin = tokenFor(t, a.admin, tenantId);
    const keyScopes: [string, ApiKeyScope[]][] = [...API_KEY_SCOPES.map((s): [string, ApiKeyScope[]] => [s, [s]]), ['all scopes', [...API_KEY_SCOPES]]];
    // least privileged first, so that deletes by the powerful come after everyone else's tries
    for (const [label, scopes] of keyScopes) {
      const res = await request(t.server).post(`${API}/api-keys`).set(admin).send({ name: `matrix ${label}`, scopes }).expect(201);
      const principal: Principal = { kind: 'apiKey', keyId: res.body.id as string, tenantId, scopes };
      actors.push({ name: `apiKey[${label}]`, auth: { 'X-API-Key': res.body.secret as string }, principal, ability: defineAbilityFor(principal), ownUserId: a.agent2.id });
      protectedIds.add(res.body.id as string);
    }
    actors.push(
      user('agent', a.agent.id, 'agent', tokenFor(t, a.agent, tenantId)),
      user('supervisor', a.supervisor.id, 'supervisor', tokenFor(t, a.supervisor, tenantId)),
      user('org_admin', a.admin.id, 'org_admin', admin),
      user('super_admin', sa.id, 'super_admin', { ...tokenFor(t, sa, null), 'X-Tenant-Id': tenantId }),
    );
    for (const id of [a.admin.id, a.supervisor.id, a.agent.id, a.agent2.id, sa.id, tenantId]) protectedIds.add(id);
    // rows of the agent's own (tickets, notes, leads, calls) so that its conditional rules are exercised
    const agent = actors.find((x) => x.name === 'agent') as Actor;
    const ids = await idsByTable(t, tenantId);
    for (const op of operations(spec)) {
      if (op.method !== 'post' || op.pathParams.length || SESSION_PATHS.test(op.path) || !op.body) continue;
      await request(t.server).post(op.path).set(agent.auth).send(sampleBody(spec, op.body, `MINE${randomBytes(3).toString('hex')}`, idFor(agent, ids)) as object);
    }
  }, 180_000);
  afterAll(() => t.close());

  const idFor = (actor: Actor, ids: Record<string, string[]>) => (field: string) =>
    USER_FIELDS.test(field) ? actor.ownUserId : ids[tableFor(field, Object.keys(ids)) ?? 'users']?.[0];

  /** Required query parameters from the spec's examples and enums (analytics periods, report names). */
  const queryFor = (op: Operation): Record<string, string> => {
    const params = (spec.paths[op.path][op.method] as { parameters?: { in: string; name: string; required?: boolean; example?: unknown; schema?: { example?: unknown; enum?: unknown[] } }[] }).parameters ?? [];
    const q: Record<string, string> = {};
    for (const p of params) if (p.in === 'query' && p.required) q[p.name] = String(p.example ?? p.schema?.example ?? p.schema?.enum?.[0] ?? '');
    return q;
  };

  /** The row a path's `{id}` should name for this actor: one it may act on when there is one. */
  const pickTarget = async (op: Operation, actor: Actor, policy: PolicyMetadata, tables: string[]) => {
    const table = tableFor(op.path.split('/')[3] ?? '', tables);
    if (!table) return undefined;
    const rows = (await rowsOf(table)).filter((r) => op.method === 'get' || !protectedIds.has(String(r.id)) || (op.method === 'put' && table === 'users'));
    const mayActOn = rows.find((r) => actor.ability.can(policy.action, asSubject(policy.subject as SubjectName, camel(r))));
    return mayActOn ?? rows[0];
  };

  /**
   * What a call without a path id acts on, where the rule has conditions: a create is checked
   * against the rows it would make (an org admin creating a super admin; a bulk's items), and the
   * agent leaderboard shows every agent's figures, so it is read as another agent's.
   */
  const recordsOf = (op: Operation, actor: Actor, policy: RoutePolicy, body: unknown): Record<string, unknown>[] => {
    if (op.operationId === 'Analytics_agents') return [{ agentId: actor.ownUserId === a.agent.id ? a.agent2.id : a.agent.id }];
    if (typeof policy !== 'object' || policy.action !== 'create' || !body || typeof body !== 'object') return [];
    const items = (body as { items?: unknown }).items;
    return (Array.isArray(items) ? items : [body]) as Record<string, unknown>[];
  };

  const expectation = (op: Operation, actor: Actor, policy: RoutePolicy, records: Record<string, unknown>[]): Expected => {
    if (policy === 'public') return 'allowed';
    if (policy === 'authenticated') {
      // user-session routes that document a 403 for integrations (GET /auth/me)
      const forbidden = (spec.paths[op.path][op.method] as { responses?: Record<string, { description?: string }> }).responses?.['403'];
      return actor.principal.kind === 'apiKey' && /API key/i.test(forbidden?.description ?? '') ? 'refused' : 'allowed';
    }
    const subject = policy.subject as SubjectName;
    if (!actor.ability.can(policy.action, subject)) return 'refused';
    if (records.some((r) => !actor.ability.can(policy.action, asSubject(subject, { ...r })))) return 'row-refused';
    return 'allowed';
  };

  const matches = (expected: Expected, res: request.Response) => {
    switch (expected) {
      case 'allowed': return res.status < 500 && res.status !== 401 && res.status !== 403;
      case 'refused': return res.status === 403;
      case 'row-refused': return res.status === 403 || res.status === 404;
      case 'no-route': return (res.status === 404 || res.status === 405) && /problem\+json/.test(res.headers['content-type'] ?? '');
    }
  };

  it('checks every route declares a policy that fits its method and resource', () => {
    const misfits: string[] = [];
    for (const op of operations(spec)) {
      const policy = policies.get(op.operationId);
      if (!policy) misfits.push(`${op.operationId}: no handler found`);
      if (!policy || policy === 'public' || policy === 'authenticated') continue;
      const action = op.path.split('/').length > 4 && op.method === 'post' && !op.pathParams.length ? ['create', 'update'] : { get: ['read'], post: ['create'], put: ['update'], patch: ['update'], delete: ['delete'] }[op.method];
      if (!action.includes(policy.action)) misfits.push(`${op.method.toUpperCase()} ${op.path}: @Policy('${policy.action}', …) for a ${op.method.toUpperCase()}`);
      if (subjectOfPath(op.path) !== policy.subject) misfits.push(`${op.method.toUpperCase()} ${op.path}: @Policy(…, '${policy.subject}') on the ${subjectOfPath(op.path)} resource`);
    }
    expect(misfits).toEqual([]);
  });

  it('answers every cell as DESIGN.md §3 says: allowed, refused (403), or no such route', async () => {
    const mismatches: string[] = [];
    const tally: Record<string, Record<Expected, number>> = {};
    let cells = 0;
    let allowed2xx = 0;
    const record = (actor: Actor, label: string, expected: Expected, res: request.Response) => {
      cells++;
      if (expected === 'allowed' && res.status < 300) allowed2xx++;
      const row = (tally[actor.name] ??= { allowed: 0, refused: 0, 'row-refused': 0, 'no-route': 0 });
      row[expected]++;
      if (!matches(expected, res)) mismatches.push(`${actor.name} ${label}: expected ${expected}, got ${res.status} ${String(res.body?.detail ?? '').slice(0, 100)} ${JSON.stringify(res.body?.errors ?? '')}`);
    };
    const ops = operations(spec);
    // deletes last, so that every other operation still finds its rows
    const ordered = [...ops.filter((o) => o.method !== 'delete'), ...ops.filter((o) => o.method === 'delete')];
    for (const op of ordered) {
      if (op.path === `${API}/auth/login` || op.path === `${API}/auth/refresh`) continue; // public, credentials in the body
      const policy = policies.get(op.operationId) ?? 'authenticated';
      const ids = await idsByTable(t, a.tenant.id);
      for (const actor of actors) {
        let path = op.path;
        let target: Record<string, unknown> | undefined;
        if (op.pathParams.length && typeof policy === 'object') {
          const row = await pickTarget(op, actor, policy, Object.keys(ids));
          if (row) {
            target = camel(row);
            path = op.path.replace(/\{\w+\}/, String(row.id));
          }
        }
        let body: unknown;
        if (op.method === 'put' && target) {
          // react-admin's update: the record as read, sent back whole
          // (notifications are readable by their user only: then a sample body)
          const read = await request(t.server).get(path).set(actors[actors.length - 1].auth);
          body = read.status === 200 ? read.body : sampleBody(spec, op.body, 'CELL', idFor(actor, ids));
        } else if (op.method === 'post' || op.method === 'patch' || op.method === 'put') {
          body = op.body ? sampleBody(spec, op.body, `CELL${randomBytes(3).toString('hex')}`, idFor(actor, ids)) : {};
        }
        const expected = expectation(op, actor, policy, target ? [target] : recordsOf(op, actor, policy, body));
        const req = request(t.server)[op.method](path).set(actor.auth).query(queryFor(op));
        const res = body === undefined ? await req : await req.send(body as object);
        record(actor, `${op.method.toUpperCase()} ${op.path}`, expected, res);
      }
    }
    // method swaps: what a path does not document must not be reachable, by anyone
    for (const [path, item] of Object.entries(spec.paths)) {
      const filled = path.replace(/\{\w+\}/g, a.agent.id);
      // GET /tickets/bulk is GET /tickets/{id} with id "bulk": that operation's cell, not a swap
      const documented = (method: string) => ops.some((o) => o.method === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(filled));
      for (const method of METHODS.filter((m) => !(m in item) && !documented(m))) {
        for (const actor of actors) {
          const req = request(t.server)[method](filled).set(actor.auth);
          record(actor, `${method.toUpperCase()} ${path} (not in the spec)`, 'no-route', method === 'get' || method === 'delete' ? await req : await req.send({}));
        }
      }
    }
    const lines = Object.entries(tally).map(([who, n]) => `  ${who}: ${n.allowed} allowed, ${n.refused + n['row-refused']} refused, ${n['no-route']} method swaps`);
    const allowedCells = Object.values(tally).reduce((n, r) => n + r.allowed, 0);
    lines.push(`  allowed cells answered 2xx: ${allowed2xx} of ${allowedCells} (the others 400/404/409/422 for a sample body or a deleted row, past the guards)`);
    process.stdout.write(`${[...mismatches, ...lines].join('\n')}\nrole × operation matrix: ${mismatches.length} mismatches of ${cells} cells\n`);
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(ops.length * actors.length);
  }, 300_000);
});
