import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Tenant } from '../../backend/src/tenants/tenant.entity';
import { User } from '../../backend/src/users/user.entity';

type Auth = Record<string, string>;

describe('tenants resource', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;

  const as = (m: StaffMember, tenant: TenantFixture): Auth => tokenFor(t, m, tenant.tenant.id);
  const asSuper = (tenantId?: string): Auth => ({ ...tokenFor(t, superAdmin, null), ...(tenantId ? { 'X-Tenant-Id': tenantId } : {}) });
  const get = (path: string, auth: Auth) => request(t.server).get(`/api/v1${path}`).set(auth);
  const post = (path: string, auth: Auth, body: object) => request(t.server).post(`/api/v1${path}`).set(auth).send(body);
  const put = (path: string, auth: Auth, body: object) => request(t.server).put(`/api/v1${path}`).set(auth).send(body);
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    get('/tenants', auth).query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const stored = (id: string) => t.orm.em.fork().findOneOrFail(Tenant, id);
  const uniq = () => randomBytes(4).toString('hex');
  const newTenant = (extra: object = {}) => {
    const slug = `new-${uniq()}`;
    return { name: `New ${slug}`, slug, admin: { name: 'First Admin', email: `admin.${slug}@example.test`, password: 'a-long-password' }, ...extra };
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    superAdmin = await createSuperAdmin(t);
  });
  afterAll(() => t.close());

  describe('GET /tenants', () => {
    it('shows a super admin every tenant, with or without a chosen tenant', async () => {
      const total = await t.orm.em.fork().count(Tenant, {});
      for (const auth of [asSuper(), asSuper(a.tenant.id)]) {
        const res = await list(auth, { range: [0, 999] }).expect(200);
        const ids = res.body.map((x: { id: string }) => x.id);
        expect(ids).toEqual(expect.arrayContaining([a.tenant.id, b.tenant.id]));
        expect(res.headers['x-total-count']).toBe(String(total));
        expect(res.headers['content-range']).toBe(`tenants 0-${total - 1}/${total}`);
      }
    });

    it.each(['admin', 'supervisor', 'agent'] as const)('shows the %s only their own tenant', async (who) => {
      const res = await list(as(a[who], a)).expect(200);
      expect(res.body.map((x: { id: string }) => x.id)).toEqual([a.tenant.id]);
      expect(res.headers['content-range']).toBe('tenants 0-0/1');
      const probe = await list(as(a[who], a), { filter: { id: [b.tenant.id] } }).expect(200);
      expect(probe.body).toEqual([]);
      expect(probe.headers['x-total-count']).toBe('0');
    });

    it('filters by slug, q, active and ids, and sorts', async () => {
      const bySlug = await list(asSuper(), { filter: { slug: a.tenant.slug } }).expect(200);
      expect(bySlug.body.map((x: { id: string }) => x.id)).toEqual([a.tenant.id]);
      const byQ = await list(asSuper(), { filter: { q: b.tenant.slug.toUpperCase() } }).expect(200);
      expect(byQ.body.map((x: { id: string }) => x.id)).toEqual([b.tenant.id]);
      const byIds = await list(asSuper(), { filter: { id: [a.tenant.id, b.tenant.id], active: true }, sort: ['slug', 'DESC'] }).expect(200);
      expect(byIds.body.map((x: { slug: string }) => x.slug)).toEqual([a.tenant.slug, b.tenant.slug].sort().reverse());
    });

    it.each([
      ['an unknown filter field', { filter: { settings: 'x' } }, 'filter.settings'],
      ['a sort field that is not allowed', { sort: ['settings', 'ASC'] }, 'sort'],
      ['more than 1000 rows', { range: [0, 1500] }, 'range'],
    ])('answers %s with a 400 naming the parameter', async (_label, query, key) => {
      const res = await list(asSuper(), query).expect(400);
      expect(Object.keys(res.body.errors)).toEqual([key]);
    });

    it('answers bad JSON in filter with a 400 naming it', async () => {
      const res = await get('/tenants', asSuper()).query({ filter: '{"active":' }).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['filter']);
    });
  });

  describe('GET /tenants/:id', () => {
    it.each(['admin', 'supervisor', 'agent'] as const)('lets the %s read their own tenant, not another', async (who) => {
      const res = await get(`/tenants/${a.tenant.id}`, as(a[who], a)).expect(200);
      expect(res.body).toEqual({
        id: a.tenant.id,
        name: a.tenant.name,
        slug: a.tenant.slug,
        timezone: 'UTC',
        defaultCountry: 'US',
        settings: { missedCallFollowUp: true },
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await get(`/tenants/${b.tenant.id}`, as(a[who], a)).expect(404);
    });

    it('lets a super admin read any tenant; unknown or malformed ids are 404', async () => {
      await get(`/tenants/${b.tenant.id}`, asSuper()).expect(200);
      await get('/tenants/00000000-0000-4000-8000-000000000000', asSuper()).expect(404);
      await get('/tenants/acme', asSuper()).expect(404);
    });
  });

  describe('POST /tenants', () => {
    it('creates the tenant and its first org admin, who can then be found in (and work in) that tenant', async () => {
      const body = newTenant({ timezone: 'Europe/Berlin', defaultCountry: 'de', settings: { missedCallFollowUp: false } });
      body.admin.email = body.admin.email.toUpperCase();
      const res = await post('/tenants', asSuper(), body).expect(201);
      expect(res.body).toMatchObject({
        name: body.name,
        slug: body.slug,
        timezone: 'Europe/Berlin',
        defaultCountry: 'DE',
        settings: { missedCallFollowUp: false },
        active: true,
      });
      expect(res.body.admin).toBeUndefined();
      const users = await get('/users', asSuper(res.body.id)).expect(200);
      expect(users.body).toEqual([expect.objectContaining({ email: body.admin.email.toLowerCase(), role: 'org_admin', tenantId: res.body.id, active: true })]);
      const admin = users.body[0];
      const own = await get('/users', tokenFor(t, { ...admin }, res.body.id)).expect(200);
      expect(own.headers['content-range']).toBe('users 0-0/1');
      const row = await t.orm.em.fork().findOneOrFail(User, admin.id, { filters: false, populate: ['passwordHash'] });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    });

    it('applies defaults: UTC, US, missed-call follow-up on', async () => {
      const res = await post('/tenants', asSuper(), newTenant()).expect(201);
      expect(res.body).toMatchObject({ timezone: 'UTC', defaultCountry: 'US', settings: { missedCallFollowUp: true }, active: true });
    });

    it('accepts current IANA names that ICU lists under older ones', async () => {
      await post('/tenants', asSuper(), newTenant({ timezone: 'Asia/Kolkata' })).expect(201);
      await post('/tenants', asSuper(), newTenant({ timezone: 'Europe/Kyiv' })).expect(201);
    });

    it('ignores read-only fields in the body', async () => {
      const id = '00000000-0000-4000-8000-00000000beef';
      const res = await post('/tenants', asSuper(), newTenant({ id, createdAt: '2000-01-01T00:00:00Z' })).expect(201);
      expect(res.body.id).not.toBe(id);
      expect(new Date(res.body.createdAt).getFullYear()).toBeGreaterThan(2000);
    });

    it.each(['admin', 'supervisor', 'agent'] as const)('refuses the %s', async (who) => {
      const body = newTenant();
      await post('/tenants', as(a[who], a), body).expect(403);
      expect(await t.orm.em.fork().count(Tenant, { slug: body.slug })).toBe(0);
    });

    it('answers invalid fields with a 400 listing each, nested admin fields included', async () => {
      const res = await post('/tenants', asSuper(), {
        name: '',
        slug: 'Not A Slug',
        timezone: 'Mars/Olympus_Mons',
        defaultCountry: 'USA',
        settings: { missedCallFollowUp: 'sometimes' },
        admin: { name: 'A', email: 'nope', password: 'short' },
      }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(res.body.errors).sort()).toEqual(
        ['admin.email', 'admin.password', 'defaultCountry', 'name', 'settings.missedCallFollowUp', 'slug', 'timezone'].sort(),
      );
      const noAdmin = await post('/tenants', asSuper(), { name: 'No Admin', slug: `no-admin-${uniq()}` }).expect(400);
      expect(Object.keys(noAdmin.body.errors)).toEqual(['admin']);
    });

    it.each([['+01:00'], ['utc'], ['America/new_york'], ['Europe']])('refuses the time zone %p', async (timezone) => {
      const res = await post('/tenants', asSuper(), newTenant({ timezone })).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['timezone']);
    });

    it('answers a slug in use with 409 on slug, and creates no admin', async () => {
      const body = newTenant({ slug: a.tenant.slug });
      const res = await post('/tenants', asSuper(), body).expect(409);
      expect(res.body.errors).toEqual({ slug: 'already in use' });
      expect(await t.orm.em.fork().count(User, { email: body.admin.email }, { filters: false })).toBe(0);
    });

    it('answers an admin email in use with 409 on admin.email, and creates no tenant', async () => {
      const body = newTenant();
      body.admin.email = b.agent.email;
      const res = await post('/tenants', asSuper(), body).expect(409);
      expect(res.body.errors).toEqual({ 'admin.email': 'already in use' });
      expect(await t.orm.em.fork().count(Tenant, { slug: body.slug })).toBe(0);
    });
  });

  describe('PUT /tenants/:id', () => {
    it('lets an org admin change name, timezone, country and settings of their tenant', async () => {
      const c = await createTenantFixture(t);
      const res = await put(`/tenants/${c.tenant.id}`, as(c.admin, c), {
        name: 'Renamed Org',
        timezone: 'America/New_York',
        defaultCountry: 'gb',
        settings: { missedCallFollowUp: false },
      }).expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed Org', timezone: 'America/New_York', defaultCountry: 'GB', settings: { missedCallFollowUp: false } });
      expect(await stored(c.tenant.id)).toMatchObject({ name: 'Renamed Org', settings: { missedCallFollowUp: false } });
    });

    it('accepts a whole record as react-admin sends it when slug and active are unchanged', async () => {
      const current = (await get(`/tenants/${a.tenant.id}`, as(a.admin, a)).expect(200)).body;
      const res = await put(`/tenants/${a.tenant.id}`, as(a.admin, a), { ...current, name: 'Whole Record Org', id: b.tenant.id, createdAt: '2000-01-01T00:00:00Z' }).expect(200);
      expect(res.body).toMatchObject({ id: a.tenant.id, name: 'Whole Record Org', slug: a.tenant.slug, createdAt: current.createdAt });
      expect((await stored(b.tenant.id)).name).toBe(b.tenant.name);
    });

    it.each([
      ['slug', { slug: 'hijacked-slug' }],
      ['active', { active: false }],
    ])('refuses an org admin changing %s (403 naming it) and changes nothing', async (field, change) => {
      const res = await put(`/tenants/${a.tenant.id}`, as(a.admin, a), { name: 'Sneaky Org', ...change }).expect(403);
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(await stored(a.tenant.id)).toMatchObject({ slug: a.tenant.slug, active: true, name: 'Whole Record Org' });
    });

    it.each(['supervisor', 'agent'] as const)('refuses the %s', async (who) => {
      await put(`/tenants/${a.tenant.id}`, as(a[who], a), { name: 'By Staff' }).expect(403);
      expect((await stored(a.tenant.id)).name).toBe('Whole Record Org');
    });

    it('answers invalid fields with a 400 per field', async () => {
      const res = await put(`/tenants/${a.tenant.id}`, asSuper(), { name: null, timezone: 'Nowhere/City', slug: '-bad-', defaultCountry: 'XX' }).expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(['defaultCountry', 'name', 'slug', 'timezone']);
    });

    it('lets a super admin change the slug (409 when taken)', async () => {
      const c = await createTenantFixture(t);
      const slug = `renamed-${uniq()}`;
      const res = await put(`/tenants/${c.tenant.id}`, asSuper(), { slug }).expect(200);
      expect(res.body.slug).toBe(slug);
      const taken = await put(`/tenants/${c.tenant.id}`, asSuper(), { slug: b.tenant.slug }).expect(409);
      expect(taken.body.errors).toEqual({ slug: 'already in use' });
      expect((await stored(c.tenant.id)).slug).toBe(slug);
    });

    it('lets a super admin deactivate a tenant, after which its users are refused', async () => {
      const c = await createTenantFixture(t);
      const res = await put(`/tenants/${c.tenant.id}`, asSuper(), { active: false }).expect(200);
      expect(res.body.active).toBe(false);
      await get('/users', as(c.admin, c)).expect(401);
      await get(`/tenants/${c.tenant.id}`, as(c.agent, c)).expect(401);
      const inactive = await list(asSuper(), { filter: { active: false, id: [c.tenant.id] } }).expect(200);
      expect(inactive.body).toHaveLength(1);
    });
  });

  describe('OpenAPI', () => {
    it('documents the list parameters and headers, and has no DELETE', async () => {
      const doc = (await request(t.server).get('/api/docs-json').expect(200)).body;
      const listOp = doc.paths['/api/v1/tenants'].get;
      expect(listOp.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['sort', 'range', 'filter', 'Range']));
      expect(listOp.responses['200'].headers['Content-Range']).toBeDefined();
      expect(doc.paths['/api/v1/tenants/{id}'].delete).toBeUndefined();
      expect(doc.paths['/api/v1/tenants/{id}'].put.summary).toMatch(/no DELETE.*active=false/);
      for (const status of ['400', '401', '403', '409']) expect(doc.paths['/api/v1/tenants'].post.responses[status]).toBeDefined();
    });
  });
});
