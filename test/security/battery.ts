import { randomBytes } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import type { TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';

/** The parts of an OpenAPI document the battery reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
}
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  pathParams: string[];
  body?: Schema;
}
export interface Spec {
  paths: Record<string, Record<string, { operationId: string; parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export const API = '/api/v1';
/** Session routes act on the caller, never on another tenant's ids. */
export const SESSION_PATHS = /^\/api\/v1\/auth\//;

/** The spec the test app serves, so new modules are probed as soon as they are registered. */
export async function loadSpec(t: TestApp): Promise<Spec> {
  const res = await request(t.server).get('/api/docs-json').expect(200);
  return res.body as Spec;
}

export function operations(spec: Spec): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const body = op.requestBody?.content['application/json']?.schema;
      ops.push({ method: method as Operation['method'], path, operationId: op.operationId, pathParams, body });
    }
  }
  return ops;
}

export function resolve(spec: Spec, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(spec, spec.components.schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf?.length) return schema.allOf.reduce<Schema>((acc, s) => {
    const r = resolve(spec, s);
    return { ...acc, ...r, properties: { ...acc.properties, ...r.properties }, required: [...(acc.required ?? []), ...(r.required ?? [])] };
  }, {});
  if (schema.oneOf?.length || schema.anyOf?.length) return resolve(spec, (schema.oneOf ?? schema.anyOf ?? [])[0]);
  return schema;
}

/**
 * A plausible body for a schema: every string carries `canary`, every `*Id` field takes `idFor(name)`.
 * Invalid combinations are fine: the sweep only needs the server to see the ids.
 */
export function sampleBody(spec: Spec, schema: Schema | undefined, canary: string, idFor: (field: string) => string | undefined, field = '', depth = 0): unknown {
  const s = resolve(spec, schema);
  if (depth > 6) return null;
  if (s.enum?.length) return s.enum.find((v) => v === 'completed' || v === 'answered') ?? s.enum[0];
  const id = /Ids?$|^id$/.test(field) ? idFor(field) : undefined;
  switch (s.type) {
    case 'object':
    case undefined: {
      if (!s.properties) return s.type ? {} : id ?? `${canary}`;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties)) out[k] = sampleBody(spec, v, canary, idFor, k, depth + 1);
      // the sweep tolerates specs that list a required field without documenting it
      if (depth === 0 && !('name' in out)) out.name = canary;
      return out;
    }
    case 'array': {
      if (/Ids$/.test(field) && id) return [id];
      return [sampleBody(spec, s.items, canary, idFor, field.replace(/s$/, ''), depth + 1)];
    }
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      if (id) return id;
      if (s.format === 'date-time') return /^(started|answered|ended)At$/.test(field) ? '2026-01-02T03:04:05.000Z' : '2030-01-02T03:04:05.000Z';
      if (s.format === 'date') return '2026-01-02';
      if (s.format === 'email' || /email/i.test(field)) return `${canary.toLowerCase()}@example.test`;
      if (s.format === 'uuid') return idFor(field) ?? '00000000-0000-4000-8000-000000000000';
      if (/phone|Number$/i.test(field)) return '+14155550123';
      if (field === 'start' || field === 'end') return field === 'start' ? '09:00' : '17:00';
      if (/password/i.test(field)) return `${canary}-long-password`;
      if (/url/i.test(field)) return `https://example.test/${canary}`;
      if (/timezone/i.test(field)) return 'UTC';
      if (/country/i.test(field)) return 'US';
      return s.maxLength && s.maxLength < canary.length ? canary.slice(0, s.maxLength) : canary;
  }
}

/** Rows of every tenant-owned table that belong to `tenantId`, as one comparable string per table. */
export async function snapshotTenant(t: TestApp, tenantId: string, skip: string[] = []): Promise<Record<string, string>> {
  const conn = t.orm.em.getConnection();
  const tables = (await conn.execute<{ table_name: string }[]>(
    "select table_name from information_schema.columns where column_name = 'tenant_id' and table_schema = 'public' order by table_name",
  )).map((r) => r.table_name).filter((n) => !skip.includes(n));
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = await conn.execute(`select * from "${table}" where tenant_id = ? order by 1`, [tenantId]);
    out[table] = JSON.stringify(rows);
  }
  const tenant = await conn.execute('select * from tenants where id = ?', [tenantId]);
  out.tenants = JSON.stringify(tenant);
  return out;
}

/** Ids of `tenantId`'s rows per tenant-owned table. */
export async function idsByTable(t: TestApp, tenantId: string): Promise<Record<string, string[]>> {
  const conn = t.orm.em.getConnection();
  const tables = (await conn.execute<{ table_name: string }[]>(
    "select c.table_name from information_schema.columns c join information_schema.columns i on i.table_name = c.table_name and i.column_name = 'id' " +
      "where c.column_name = 'tenant_id' and c.table_schema = 'public' order by 1",
  )).map((r) => r.table_name);
  const out: Record<string, string[]> = { tenants: [tenantId] };
  for (const table of tables) {
    const rows = await conn.execute<{ id: string }[]>(`select id::text from "${table}" where tenant_id = ? order by id limit 5`, [tenantId]);
    if (rows.length) out[table] = rows.map((r) => r.id);
  }
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '').replace(/(ies|s)$/, '');

/** The table a path segment or `*Id` field most likely names (`call-logs` → call_logs, `assigneeId` → users). */
export function tableFor(name: string, tables: string[]): string | undefined {
  const n = norm(name.replace(/Ids?$/, ''));
  const alias: Record<string, string> = { assignee: 'users', createdby: 'users', user: 'users', agent: 'users', owner: 'users', author: 'users', tenant: 'tenants', call: 'call_logs', calllog: 'call_logs', note: 'ticket_notes', apikey: 'api_keys', key: 'api_keys' };
  if (alias[n] && tables.includes(alias[n])) return alias[n];
  return tables.find((t) => norm(t) === n) ?? tables.find((t) => norm(t).startsWith(n) || n.startsWith(norm(t)));
}

/** Where any of `canaries` appears in a response (body or headers), or null. */
/** One aim of a cross-tenant probe: a path (B's ids in its params) and a list filter, if any. */
export interface ProbeTarget {
  path: string;
  query?: Record<string, string>;
}

/** The foreign-key-ish filter fields a list is probed with, each given one of B's ids. */
const PROBE_FILTER_FIELDS = ['tenantId', 'userId', 'assigneeId', 'leadId', 'ticketId', 'agentId', 'callLogId'];

/**
 * Where to aim `op` at tenant B, whose ids by table are `bIds`: each path param gets B's ids from
 * the table its preceding segment (or its own name) names; a list gets B's ids as filters.
 */
export function probeTargets(op: Operation, bIds: Record<string, string[]>): ProbeTarget[] {
  const tables = Object.keys(bIds);
  const allIds = Object.values(bIds).flat();
  if (op.pathParams.length) {
    const segments = op.path.split('/');
    const fill = (which: number) =>
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const seg = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
        const table = name === 'id' ? tableFor(seg, tables) : tableFor(name, tables) ?? tableFor(seg, tables);
        const pool = table ? bIds[table] : allIds;
        return pool[which % pool.length];
      });
    return [{ path: fill(0) }, { path: fill(1) }];
  }
  if (op.method !== 'get') return [{ path: op.path }];
  const targets: ProbeTarget[] = [{ path: op.path, query: { filter: JSON.stringify({ id: allIds.slice(0, 50) }) } }];
  for (const field of PROBE_FILTER_FIELDS) {
    const id = bIds[tableFor(field, tables) ?? 'users']?.[0];
    if (id) targets.push({ path: op.path, query: { filter: JSON.stringify({ [field]: id }) } });
  }
  return targets;
}

export function findCanary(res: request.Response, canaries: string[]): string | null {
  const text = `${JSON.stringify(res.headers)}\n${res.text ?? ''}`;
  return canaries.find((c) => text.includes(c)) ?? null;
}

/** Fills tenant `fx` through its own API with one row per creatable resource, every text field carrying `canary`. */
export async function populateTenant(t: TestApp, spec: Spec, fx: TenantFixture, canary: string): Promise<void> {
  const auth = tokenFor(t, fx.admin, fx.tenant.id);
  const ids = await idsByTable(t, fx.tenant.id);
  const idFor = (field: string) => ids[tableFor(field, Object.keys(ids)) ?? 'users']?.[0];
  const post = (path: string, op: Operation) => request(t.server).post(path).set(auth).send(sampleBody(spec, op.body, canary, idFor) as object);
  for (let round = 0; round < 2; round++) {
    for (const op of operations(spec)) {
      if (op.method !== 'post' || op.pathParams.length || SESSION_PATHS.test(op.path) || !op.body) continue;
      await post(op.path, op);
    }
    Object.assign(ids, await idsByTable(t, fx.tenant.id));
  }
  // rows under a parent (ticket notes, lead calls…) once parents exist
  for (const op of operations(spec)) {
    if (op.method !== 'post' || op.pathParams.length !== 1 || SESSION_PATHS.test(op.path) || !op.body) continue;
    const parent = tableFor(op.path.split('/')[3] ?? '', Object.keys(ids));
    const id = parent && ids[parent]?.[0];
    if (id) await post(op.path.replace(`{${op.pathParams[0]}}`, id), op);
  }
}

interface DocumentedResponse {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

/** OpenAPI 3.0 `nullable` as JSON Schema type unions; `$ref`s pointed at the registered document. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) out[k] = k === '$ref' && typeof v === 'string' ? `openapi${v}` : toJsonSchema(v);
  if (nullable !== true) return out;
  // a nullable `$ref`/`allOf` (how Nest documents `Dto | null`) admits null beside the composition
  if (typeof out.type === 'string' && !out.allOf && !out.oneOf && !out.anyOf && !out.$ref) return { ...out, type: [out.type, 'null'], ...(out.enum ? { enum: [...(out.enum as unknown[]), null] } : {}) };
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * Checks a response against what the spec documents for its operation and status: an undocumented
 * status, or a JSON body that does not match the documented schema, is a mismatch (returned as text).
 */
export function responseChecker(spec: Spec): (method: string, specPath: string, res: request.Response) => string | null {
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: toJsonSchema(spec.components) as object });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return (method, specPath, res) => {
    const op = (spec.paths[specPath]?.[method] ?? {}) as { responses?: Record<string, DocumentedResponse> };
    const documented = op.responses?.[String(res.status)] ?? op.responses?.[`${String(res.status)[0]}XX`] ?? op.responses?.default;
    if (!documented) return `undocumented status ${res.status}`;
    const contentType = String(res.headers['content-type'] ?? '');
    const isJson = /json/.test(contentType);
    const content = documented.content ?? {};
    const jsonSchema = Object.entries(content).find(([type]) => /json/.test(type))?.[1].schema;
    if (!isJson) {
      if (!res.text) return null;
      const mediaType = contentType.split(';')[0];
      return Object.keys(content).includes(mediaType) ? null : `undocumented content type ${mediaType || '(none)'}`;
    }
    if (!jsonSchema) return Object.keys(content).length || res.text ? `JSON body where the spec documents ${Object.keys(content).join(', ') || 'none'}` : null;
    const key = `${method} ${specPath} ${res.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(jsonSchema) as object);
      compiled.set(key, validate);
    }
    if (validate(res.body)) return null;
    const e = validate.errors?.[0];
    return `body does not match the schema: ${e?.instancePath || '/'} ${e?.message ?? ''} ${JSON.stringify(e?.params ?? {})}`;
  };
}

/** The sweeps' cast: tenant A with its staff's tokens, and the tenants whose rows A must never reach. */
export interface SweepTenants {
  a: TenantFixture;
  /** B and C, filled through their own APIs with `canary` in every text field. */
  others: { fx: TenantFixture; canary: string }[];
  principals: { name: string; auth: Record<string, string> }[];
}

export async function createSweepTenants(t: TestApp, spec: Spec): Promise<SweepTenants> {
  const a = await createTenantFixture(t);
  const others: SweepTenants['others'] = [];
  for (let i = 0; i < 2; i++) {
    const canary = `CANARY${randomBytes(6).toString('hex')}`;
    const fx = await createTenantFixture(t, { name: `Tenant ${canary}` });
    others.push({ fx, canary });
    await populateTenant(t, spec, fx, canary);
  }
  const principals = [
    { name: 'org_admin', auth: tokenFor(t, a.admin, a.tenant.id) },
    { name: 'supervisor', auth: tokenFor(t, a.supervisor, a.tenant.id) },
    { name: 'agent', auth: tokenFor(t, a.agent, a.tenant.id) },
  ];
  return { a, others, principals };
}
