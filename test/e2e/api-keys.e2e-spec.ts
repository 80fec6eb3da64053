import { createHash } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { ApiKey } from '../../backend/src/api-keys/api-key.entity';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';
import { API, answeredCall, createApiKey } from './call-logs.fixtures';

type Auth = Record<string, string>;

describe('API keys', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const create = (auth: Auth, body: object) => api().post(`${API}/api-keys`).set(auth).send(body);
  const stored = (id: string) => t.orm.em.fork().findOne(ApiKey, id, { filters: false });
  const postCall = (auth: Auth, body: object = answeredCall()) => api().post(`${API}/call-logs`).set(auth).send(body);
  const sql = (text: string, params: unknown[]) => t.orm.em.getConnection().execute(text, params);

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
    superAdmin = await createSuperAdmin(t);
  });
  afterAll(() => t.close());

  describe('managing keys (org admins)', () => {
    it('creates a key and shows its secret once; only a SHA-256 hash and a short prefix are stored', async () => {
      const res = await create(as(a.admin), { name: 'Android dialers', scopes: ['calls:write', 'calls:read'] }).expect(201);
      expect(res.body).toMatchObject({ name: 'Android dialers', scopes: ['calls:write', 'calls:read'], status: 'active', tenantId: a.tenant.id, createdById: a.admin.id, revokedAt: null });
      const { secret, prefix, id } = res.body as { secret: string; prefix: string; id: string };
      expect(secret).toMatch(/^cp_live_[A-Za-z0-9_-]{43}$/);
      expect(secret.startsWith(prefix)).toBe(true);
      expect(prefix.length).toBeLessThan(20);
      const row = await stored(id);
      expect(row?.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
      const [dump] = await sql('select row_to_json(k)::text as json from api_keys k where id = ?', [id]);
      expect(dump.json).not.toContain(secret.slice(prefix.length));
      const again = await api().get(`${API}/api-keys/${id}`).set(as(a.admin)).expect(200);
      expect(again.body.secret).toBeUndefined();
      expect(again.body.secretHash).toBeUndefined();
      const audit = await t.orm.em.fork().find(AuditEvent, { resourceId: id }, { filters: false });
      expect(audit.map((e) => [e.action, e.actorId])).toEqual([['create', a.admin.id]]);
    });

    it.each([
      ['an unknown scope', { name: 'x', scopes: ['calls:delete'] }, 'scopes'],
      ['no scopes', { name: 'x', scopes: [] }, 'scopes'],
      ['a repeated scope', { name: 'x', scopes: ['calls:read', 'calls:read'] }, 'scopes'],
      ['no name', { scopes: ['calls:read'] }, 'name'],
      ['an expiry in the past', { name: 'x', scopes: ['calls:read'], expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      ['an expiry that is not a date', { name: 'x', scopes: ['calls:read'], expiresAt: 'tomorrow' }, 'expiresAt'],
    ])('refuses %s with 400 naming the field', async (_label, body, field) => {
      const res = await create(as(a.admin), body).expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('lists the tenant’s keys with Content-Range, never secrets, never another tenant’s', async () => {
      await createApiKey(t, b, ['leads:read'], 'B key');
      const res = await api().get(`${API}/api-keys`).set(as(a.admin)).expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.every((k: { tenantId: string; secret?: string }) => k.tenantId === a.tenant.id && k.secret === undefined)).toBe(true);
      const total = await t.orm.em.fork().count(ApiKey, { tenantId: a.tenant.id }, { filters: false });
      expect(res.headers['content-range']).toBe(`api-keys 0-${total - 1}/${total}`);
    });

    it('renames a key (and nothing else) with PUT', async () => {
      const key = await createApiKey(t, a, ['calls:read']);
      const res = await api().put(`${API}/api-keys/${key.id}`).set(as(a.admin)).send({ name: 'Renamed', scopes: ['analytics:read'] }).expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed', scopes: ['calls:read'] });
    });

    it.each([['a supervisor', 'supervisor'], ['an agent', 'agent']] as const)('refuses %s (403)', async (_label, role) => {
      await create(as(a[role]), { name: 'x', scopes: ['calls:read'] }).expect(403);
      await api().get(`${API}/api-keys`).set(as(a[role])).expect(403);
    });

    it('lets a super admin manage keys of the tenant they choose', async () => {
      const res = await create({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': b.tenant.id }, { name: 'ops', scopes: ['calls:read'] }).expect(201);
      expect(res.body).toMatchObject({ tenantId: b.tenant.id, createdById: null });
    });

    it('does not let a key manage keys (403), even with every scope', async () => {
      const key = await createApiKey(t, a, ['calls:write', 'calls:read', 'tickets:read', 'tickets:write', 'leads:read', 'leads:write', 'analytics:read']);
      await api().get(`${API}/api-keys`).set(key.header).expect(403);
      await create(key.header, { name: 'x', scopes: ['calls:read'] }).expect(403);
    });
  });

  describe('authenticating with a key', () => {
    it('acts in its own tenant only: X-Tenant-Id cannot move it to another tenant', async () => {
      const key = await createApiKey(t, a, ['calls:write']);
      const res = await postCall({ ...key.header, 'X-Tenant-Id': b.tenant.id }).expect(201);
      expect(res.body.tenantId).toBe(a.tenant.id);
    });

    it('acts only within its scopes (403 otherwise)', async () => {
      const key = await createApiKey(t, a, ['leads:read']);
      await postCall(key.header).expect(403);
      await api().get(`${API}/call-logs`).set(key.header).expect(403);
      await api().get(`${API}/leads`).set(key.header).expect(200);
    });

    it("cannot read another tenant's call (404)", async () => {
      const bCall = await postCall(tokenFor(t, b.agent, b.tenant.id)).expect(201);
      const key = await createApiKey(t, a, ['calls:read']);
      await api().get(`${API}/call-logs/${bCall.body.id}`).set(key.header).expect(404);
    });

    it('refuses an unknown key, a malformed one and a wrong bearer with 401', async () => {
      await postCall({ 'X-API-Key': `cp_live_${'A'.repeat(43)}` }).expect(401);
      await postCall({ 'X-API-Key': 'cp_live_short' }).expect(401);
      await postCall({ Authorization: 'Bearer cp_live_nope' }).expect(401);
    });

    it('refuses a revoked key at once (401); DELETE returns the row with revokedAt, twice the same', async () => {
      const key = await createApiKey(t, a, ['calls:write']);
      await postCall(key.header).expect(201);
      const res = await api().delete(`${API}/api-keys/${key.id}`).set(as(a.admin)).set('Content-Type', 'text/plain').expect(200);
      expect(res.body).toMatchObject({ id: key.id, status: 'revoked', revokedAt: expect.any(String) });
      await postCall(key.header).expect(401);
      const again = await api().delete(`${API}/api-keys/${key.id}`).set(as(a.admin)).expect(200);
      expect(again.body.revokedAt).toBe(res.body.revokedAt);
      const audit = await t.orm.em.fork().find(AuditEvent, { resourceId: key.id, action: 'delete' }, { filters: false });
      expect(audit).toHaveLength(1);
    });

    it('refuses an expired key (401) and accepts one that expires later', async () => {
      const later = await create(as(a.admin), { name: 'temp', scopes: ['calls:write'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() }).expect(201);
      await postCall({ 'X-API-Key': later.body.secret }).expect(201);
      await sql(`update api_keys set expires_at = now() - interval '1 second' where id = ?`, [later.body.id]);
      await postCall({ 'X-API-Key': later.body.secret }).expect(401);
      const row = await api().get(`${API}/api-keys/${later.body.id}`).set(as(a.admin)).expect(200);
      expect(row.body.status).toBe('expired');
    });

    it("refuses every key of a deactivated tenant (401)", async () => {
      const f = await createTenantFixture(t);
      const key = await createApiKey(t, f, ['calls:write']);
      await sql('update tenants set active = false where id = ?', [f.tenant.id]);
      await postCall(key.header).expect(401);
    });

    it('records lastUsedAt, at most once a minute', async () => {
      const key = await createApiKey(t, a, ['calls:write']);
      expect((await stored(key.id))?.lastUsedAt).toBeNull();
      await postCall(key.header).expect(201);
      const first = (await stored(key.id))?.lastUsedAt;
      expect(first).toBeInstanceOf(Date);
      await postCall(key.header).expect(201);
      expect((await stored(key.id))?.lastUsedAt).toEqual(first);
      await sql(`update api_keys set last_used_at = now() - interval '2 minutes' where id = ?`, [key.id]);
      await postCall(key.header).expect(201);
      expect((await stored(key.id))!.lastUsedAt!.getTime()).toBeGreaterThan(first!.getTime());
    });

    it('cannot read /auth/me (403: keys have no profile)', async () => {
      const key = await createApiKey(t, a, ['calls:read']);
      await api().get(`${API}/auth/me`).set(key.header).expect(403);
    });
  });

  describe('cross-tenant probes', () => {
    it("answers 404 for another tenant's key on GET, PUT and DELETE, and leaves it unchanged", async () => {
      const bKey = await createApiKey(t, b, ['calls:write'], 'B dialers');
      await api().get(`${API}/api-keys/${bKey.id}`).set(as(a.admin)).expect(404);
      await api().put(`${API}/api-keys/${bKey.id}`).set(as(a.admin)).send({ name: 'pwned' }).expect(404);
      await api().delete(`${API}/api-keys/${bKey.id}`).set(as(a.admin)).expect(404);
      expect(await stored(bKey.id)).toMatchObject({ name: 'B dialers', revokedAt: null });
      await postCall(bKey.header, answeredCall()).expect(201);
    });

    it("does not list another tenant's keys when asked for their ids", async () => {
      const bKey = await createApiKey(t, b, ['calls:write']);
      const res = await api().get(`${API}/api-keys`).set(as(a.admin)).query({ filter: JSON.stringify({ id: [bKey.id] }) }).expect(200);
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe('api-keys */0');
    });
  });
});
