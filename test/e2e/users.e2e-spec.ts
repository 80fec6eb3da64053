import request from 'supertest';
import { verify } from '@node-rs/argon2';
import type { Role } from '@callpro/contracts';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { User } from '../../backend/src/users/user.entity';

type Auth = Record<string, string>;

describe('users resource', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  let seq = 0;

  const as = (m: StaffMember, tenant: TenantFixture): Auth => tokenFor(t, m, tenant.tenant.id);
  const asSuper = (tenant?: TenantFixture): Auth => ({
    ...tokenFor(t, superAdmin, null),
    ...(tenant ? { 'X-Tenant-Id': tenant.tenant.id } : {}),
  });
  const get = (path: string, auth: Auth) => request(t.server).get(`/api/v1${path}`).set(auth);
  const post = (path: string, auth: Auth, body: object) => request(t.server).post(`/api/v1${path}`).set(auth).send(body);
  const put = (path: string, auth: Auth, body: object) => request(t.server).put(`/api/v1${path}`).set(auth).send(body);
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    get('/users', auth).query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const stored = (id: string) => t.orm.em.fork().findOneOrFail(User, id, { filters: false, populate: ['passwordHash'] });
  const email = (label: string) => `${label}.${Date.now().toString(36)}.${++seq}@example.test`;

  /** A new user of `tenant`, created through the API by its org admin. */
  async function member(tenant: TenantFixture, role: Role, extra: object = {}): Promise<StaffMember> {
    const body = { name: `New ${role} ${++seq}`, email: email(role), role, password: 'a-long-password', ...extra };
    const res = await post('/users', as(tenant.admin, tenant), body).expect(201);
    return { id: res.body.id, email: res.body.email, role, name: res.body.name };
  }

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    superAdmin = await createSuperAdmin(t);
  });
  afterAll(() => t.close());

  describe('GET /users', () => {
    // a tenant nobody adds users to, so that totals are known
    let c: TenantFixture;
    beforeAll(async () => {
      c = await createTenantFixture(t);
    });

    it.each(['admin', 'supervisor', 'agent'] as const)('lets the %s list their tenant’s users with Content-Range', async (who) => {
      const res = await list(as(c[who], c)).expect(200);
      expect(res.body.map((u: { id: string }) => u.id).sort()).toEqual([c.admin.id, c.supervisor.id, c.agent.id, c.agent2.id].sort());
      expect(res.headers['content-range']).toBe('users 0-3/4');
      expect(res.headers['x-total-count']).toBe('4');
    });

    it('never shows password hashes or token versions', async () => {
      const res = await list(as(c.admin, c)).expect(200);
      for (const user of res.body) {
        expect(Object.keys(user).sort()).toEqual(
          ['active', 'createdAt', 'email', 'id', 'lastLoginAt', 'name', 'phone', 'role', 'tenantId', 'updatedAt'].sort(),
        );
        expect(user.tenantId).toBe(c.tenant.id);
      }
    });

    it('sorts by name ascending by default and by any allowed field on request', async () => {
      const byDefault = await list(as(c.admin, c)).expect(200);
      const names = byDefault.body.map((u: { name: string }) => u.name);
      expect(names).toEqual([...names].sort());
      const byEmail = await list(as(c.admin, c), { sort: ['email', 'DESC'] }).expect(200);
      const emails = byEmail.body.map((u: { email: string }) => u.email);
      expect(emails).toEqual([...emails].sort().reverse());
      await list(as(c.admin, c), { sort: ['lastLoginAt', 'ASC'] }).expect(200);
    });

    it('pages with range and reports the page in Content-Range', async () => {
      const res = await list(as(c.admin, c), { range: [1, 2] }).expect(200);
      expect(res.body).toHaveLength(2);
      expect(res.headers['content-range']).toBe('users 1-2/4');
      const header = await get('/users', as(c.admin, c)).set('Range', 'users=0-0').expect(200);
      expect(header.body).toHaveLength(1);
      expect(header.headers['content-range']).toBe('users 0-0/4');
    });

    it('filters by role, active, ids and q', async () => {
      const agents = await list(as(c.admin, c), { filter: { role: 'agent' } }).expect(200);
      expect(agents.body.map((u: { id: string }) => u.id).sort()).toEqual([c.agent.id, c.agent2.id].sort());
      expect(agents.headers['x-total-count']).toBe('2');
      const inactive = await list(as(c.admin, c), { filter: { active: false } }).expect(200);
      expect(inactive.body).toEqual([]);
      expect(inactive.headers['content-range']).toBe('users */0');
      const many = await list(as(c.admin, c), { filter: { id: [c.agent.id, c.supervisor.id] } }).expect(200);
      expect(many.body).toHaveLength(2);
      const byName = await list(as(c.admin, c), { filter: { q: c.supervisor.name.toUpperCase() } }).expect(200);
      expect(byName.body.map((u: { id: string }) => u.id)).toEqual([c.supervisor.id]);
      const byEmail = await list(as(c.admin, c), { filter: { q: c.agent2.email.split('@')[0] } }).expect(200);
      expect(byEmail.body.map((u: { id: string }) => u.id)).toEqual([c.agent2.id]);
    });

    it('takes % and _ in q literally', async () => {
      expect((await list(as(c.admin, c), { filter: { q: '%' } }).expect(200)).body).toEqual([]);
      expect((await list(as(c.admin, c), { filter: { q: '_' } }).expect(200)).body).toEqual([]);
    });

    it.each([
      ['an unknown filter field', { filter: { passwordHash: 'x' } }, 'filter.passwordHash'],
      ['a bad enum value', { filter: { role: 'owner' } }, 'filter.role'],
      ['a string for a boolean', { filter: { active: 'yes' } }, 'filter.active'],
      ['a sort field that is not allowed', { sort: ['passwordHash', 'ASC'] }, 'sort'],
      ['more than 1000 rows', { range: [0, 1000] }, 'range'],
    ])('answers %s with a 400 naming the parameter', async (_label, query, key) => {
      const res = await list(as(c.admin, c), query).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(res.body.errors)).toEqual([key]);
    });

    it.each([['sort'], ['range'], ['filter']])('answers bad JSON in %s with a 400 naming it', async (param) => {
      const res = await get('/users', as(c.admin, c)).query({ [param]: '[oops' }).expect(400);
      expect(Object.keys(res.body.errors)).toEqual([param]);
    });

    it('refuses a super admin who has chosen no tenant (tenant-required)', async () => {
      const res = await list(asSuper()).expect(400);
      expect(res.body.type).toContain('tenant-required');
    });

    it('shows a super admin the users of the tenant chosen with X-Tenant-Id', async () => {
      const res = await list(asSuper(c)).expect(200);
      expect(res.headers['x-total-count']).toBe('4');
      expect(res.body.every((u: { tenantId: string }) => u.tenantId === c.tenant.id)).toBe(true);
    });

    it('refuses requests without credentials', async () => {
      const res = await get('/users', {}).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('GET /users/:id', () => {
    it.each(['admin', 'supervisor', 'agent'] as const)('lets the %s read a user of their tenant', async (who) => {
      const res = await get(`/users/${a.agent2.id}`, as(a[who], a)).expect(200);
      expect(res.body).toMatchObject({ id: a.agent2.id, email: a.agent2.email, role: 'agent', tenantId: a.tenant.id, active: true });
      expect(res.body.passwordHash).toBeUndefined();
    });

    it('lets a super admin read a user of the chosen tenant only', async () => {
      await get(`/users/${a.agent.id}`, asSuper(a)).expect(200);
      await get(`/users/${a.agent.id}`, asSuper(b)).expect(404);
    });

    it('answers an unknown or malformed id with 404', async () => {
      await get('/users/00000000-0000-4000-8000-000000000000', as(a.admin, a)).expect(404);
      const res = await get('/users/not-a-uuid', as(a.admin, a)).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('POST /users', () => {
    it('lets an org admin create a user: email lower-cased, password hashed with argon2id, no hash in the answer', async () => {
      const address = email('Mixed.Case').toUpperCase();
      const res = await post('/users', as(a.admin, a), {
        name: '  Nina Newhire ',
        email: address,
        role: 'agent',
        password: 'long-enough-pw',
        phone: '+1 555 0100',
      }).expect(201);
      expect(res.body).toMatchObject({
        name: 'Nina Newhire',
        email: address.toLowerCase(),
        role: 'agent',
        phone: '+1 555 0100',
        active: true,
        tenantId: a.tenant.id,
        lastLoginAt: null,
      });
      expect(res.body.passwordHash).toBeUndefined();
      const row = await stored(res.body.id);
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(row.passwordHash, 'long-enough-pw')).toBe(true);
      expect(row.tenantId).toBe(a.tenant.id);
    });

    it('ignores read-only fields in the body (mass assignment)', async () => {
      const id = '00000000-0000-4000-8000-00000000abcd';
      const res = await post('/users', as(a.admin, a), {
        name: 'Mass Assign',
        email: email('mass'),
        role: 'agent',
        password: 'long-enough-pw',
        id,
        tenantId: b.tenant.id,
        createdAt: '2000-01-01T00:00:00Z',
        updatedAt: '2000-01-01T00:00:00Z',
        passwordHash: 'not-a-hash',
        tokenVersion: 99,
        lastLoginAt: '2000-01-01T00:00:00Z',
      }).expect(201);
      expect(res.body.id).not.toBe(id);
      expect(res.body.tenantId).toBe(a.tenant.id);
      expect(res.body.lastLoginAt).toBeNull();
      expect(new Date(res.body.createdAt).getFullYear()).toBeGreaterThan(2000);
      const row = await stored(res.body.id);
      expect(row).toMatchObject({ tenantId: a.tenant.id, tokenVersion: 0 });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      await get(`/users/${res.body.id}`, as(b.admin, b)).expect(404);
    });

    it.each(['supervisor', 'agent'] as const)('refuses the %s', async (who) => {
      const address = email('refused');
      const res = await post('/users', as(a[who], a), { name: 'X', email: address, role: 'agent', password: 'long-enough-pw' }).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await t.orm.em.fork().count(User, { email: address }, { filters: false })).toBe(0);
    });

    it('refuses an org admin creating a super admin (403) and creates nothing', async () => {
      const address = email('escalate');
      await post('/users', as(a.admin, a), { name: 'X', email: address, role: 'super_admin', password: 'long-enough-pw' }).expect(403);
      expect(await t.orm.em.fork().count(User, { email: address }, { filters: false })).toBe(0);
    });

    it('lets a super admin create an org admin in the chosen tenant', async () => {
      const res = await post('/users', asSuper(b), { name: 'B Admin Two', email: email('b-admin'), role: 'org_admin', password: 'long-enough-pw' }).expect(201);
      expect(res.body).toMatchObject({ tenantId: b.tenant.id, role: 'org_admin' });
    });

    it('needs a chosen tenant for a super admin, and does not create super admins here', async () => {
      const noTenant = await post('/users', asSuper(), { name: 'X', email: email('x'), role: 'agent', password: 'long-enough-pw' }).expect(400);
      expect(noTenant.body.type).toContain('tenant-required');
      const superRole = await post('/users', asSuper(a), { name: 'X', email: email('x'), role: 'super_admin', password: 'long-enough-pw' }).expect(400);
      expect(Object.keys(superRole.body.errors)).toEqual(['role']);
    });

    it('answers invalid fields with a 400 problem listing each field', async () => {
      const res = await post('/users', as(a.admin, a), { name: '  ', email: 'not-an-email', role: 'boss', password: 'short', phone: 'call me', active: 'yes' }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toContain('validation');
      expect(Object.keys(res.body.errors).sort()).toEqual(['active', 'email', 'name', 'password', 'phone', 'role']);
      expect(res.body.errors.password).toMatch(/10/);
      const empty = await post('/users', as(a.admin, a), {}).expect(400);
      expect(Object.keys(empty.body.errors).sort()).toEqual(['email', 'name', 'password', 'role']);
    });

    it('answers an email in use — in any tenant, in any case — with 409 on the email field', async () => {
      for (const taken of [a.agent.email, a.agent.email.toUpperCase(), b.agent.email]) {
        const res = await post('/users', as(a.admin, a), { name: 'Dup', email: taken, role: 'agent', password: 'long-enough-pw' }).expect(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors).toEqual({ email: 'already in use' });
      }
    });
  });

  describe('PUT /users/:id', () => {
    it('lets an org admin change name and phone without ending the user’s sessions', async () => {
      const target = await member(a, 'agent');
      const res = await put(`/users/${target.id}`, as(a.admin, a), { name: 'Renamed', phone: '+44 20 7946 0000' }).expect(200);
      expect(res.body).toMatchObject({ id: target.id, name: 'Renamed', phone: '+44 20 7946 0000', role: 'agent' });
      expect((await stored(target.id)).tokenVersion).toBe(0);
      await get('/users', as(target, a)).expect(200);
      const cleared = await put(`/users/${target.id}`, as(a.admin, a), { phone: null }).expect(200);
      expect(cleared.body.phone).toBeNull();
    });

    it('ends the sessions of a user whose role changes', async () => {
      const target = await member(a, 'agent');
      await get('/users', as(target, a)).expect(200);
      const res = await put(`/users/${target.id}`, as(a.admin, a), { role: 'supervisor' }).expect(200);
      expect(res.body.role).toBe('supervisor');
      expect((await stored(target.id)).tokenVersion).toBe(1);
      await get('/users', as(target, a)).expect(401);
    });

    it('ends the sessions of a deactivated user', async () => {
      const target = await member(a, 'agent');
      await get('/users', as(target, a)).expect(200);
      const res = await put(`/users/${target.id}`, as(a.admin, a), { active: false }).expect(200);
      expect(res.body.active).toBe(false);
      expect((await stored(target.id)).tokenVersion).toBe(1);
      await get('/users', as(target, a)).expect(401);
      const inactive = await list(as(a.admin, a), { filter: { active: false } }).expect(200);
      expect(inactive.body.map((u: { id: string }) => u.id)).toContain(target.id);
    });

    it('changes a password: new argon2id hash, sessions ended', async () => {
      const target = await member(a, 'supervisor');
      await put(`/users/${target.id}`, as(a.admin, a), { password: 'another-long-pw' }).expect(200);
      const row = await stored(target.id);
      expect(await verify(row.passwordHash, 'another-long-pw')).toBe(true);
      expect(row.tokenVersion).toBe(1);
    });

    it('accepts a whole record as react-admin sends it, read-only fields ignored', async () => {
      const target = await member(a, 'agent');
      const current = (await get(`/users/${target.id}`, as(a.admin, a)).expect(200)).body;
      const res = await put(`/users/${target.id}`, as(a.admin, a), {
        ...current,
        name: 'Whole Record',
        id: a.agent.id,
        tenantId: b.tenant.id,
        createdAt: '2000-01-01T00:00:00Z',
        lastLoginAt: '2000-01-01T00:00:00Z',
        passwordHash: 'x',
        tokenVersion: 42,
      }).expect(200);
      expect(res.body).toMatchObject({ id: target.id, name: 'Whole Record', tenantId: a.tenant.id, lastLoginAt: null, createdAt: current.createdAt });
      const row = await stored(target.id);
      expect(row).toMatchObject({ tenantId: a.tenant.id, tokenVersion: 0 });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect((await stored(a.agent.id)).name).toBe(a.agent.name);
    });

    it('answers invalid fields with a 400 per field, and null for required fields is invalid', async () => {
      const res = await put(`/users/${a.agent2.id}`, as(a.admin, a), { name: null, email: 'nope', role: 'boss', active: null, password: 'short' }).expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(['active', 'email', 'name', 'password', 'role']);
      expect((await stored(a.agent2.id)).name).toBe(a.agent2.name);
    });

    it('answers an email in use with 409 on the email field and changes nothing', async () => {
      const res = await put(`/users/${a.agent2.id}`, as(a.admin, a), { name: 'Changed Too', email: b.admin.email.toUpperCase() }).expect(409);
      expect(res.body.errors).toEqual({ email: 'already in use' });
      expect(await stored(a.agent2.id)).toMatchObject({ email: a.agent2.email, name: a.agent2.name });
    });

    it('refuses the supervisor', async () => {
      await put(`/users/${a.agent2.id}`, as(a.supervisor, a), { name: 'By Supervisor' }).expect(403);
      expect((await stored(a.agent2.id)).name).toBe(a.agent2.name);
    });

    it('refuses an org admin promoting someone to super admin', async () => {
      const target = await member(a, 'agent');
      await put(`/users/${target.id}`, as(a.admin, a), { role: 'super_admin' }).expect(403);
      expect((await stored(target.id)).role).toBe('agent');
    });

    it('refuses a super admin too: super admins are not tenant users', async () => {
      const target = await member(a, 'agent');
      const res = await put(`/users/${target.id}`, asSuper(a), { role: 'super_admin' }).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['role']);
      expect((await stored(target.id)).role).toBe('agent');
    });

    it('lets a super admin manage users of the chosen tenant, and only there', async () => {
      const target = await member(a, 'agent');
      await put(`/users/${target.id}`, asSuper(a), { name: 'By Super' }).expect(200);
      await put(`/users/${target.id}`, asSuper(b), { name: 'Wrong Tenant' }).expect(404);
      expect((await stored(target.id)).name).toBe('By Super');
    });

    describe('an agent', () => {
      let agent: StaffMember;
      beforeAll(async () => {
        agent = await member(a, 'agent');
      });

      it('may change their own name and phone, sending the whole record', async () => {
        const current = (await get(`/users/${agent.id}`, as(agent, a)).expect(200)).body;
        const res = await put(`/users/${agent.id}`, as(agent, a), { ...current, name: 'Self Named', phone: '+1 555 0199' }).expect(200);
        expect(res.body).toMatchObject({ name: 'Self Named', phone: '+1 555 0199', role: 'agent', active: true });
      });

      it.each([
        ['role', { role: 'org_admin' }],
        ['active', { active: false }],
        ['email', { email: 'new.address@example.test' }],
      ])('may not change their own %s (403 naming the field), nor anything with it', async (field, change) => {
        const res = await put(`/users/${agent.id}`, as(agent, a), { name: 'Sneaky', ...change }).expect(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(Object.keys(res.body.errors)).toEqual([field]);
        expect(await stored(agent.id)).toMatchObject({ role: 'agent', active: true, name: 'Self Named' });
      });

      it('may not change another user', async () => {
        await put(`/users/${a.agent2.id}`, as(agent, a), { name: 'Not Mine' }).expect(403);
        expect((await stored(a.agent2.id)).name).toBe(a.agent2.name);
      });

      it('may change their own password (ending their sessions)', async () => {
        await put(`/users/${agent.id}`, as(agent, a), { password: 'my-new-long-password' }).expect(200);
        const row = await stored(agent.id);
        expect(await verify(row.passwordHash, 'my-new-long-password')).toBe(true);
        expect(row.tokenVersion).toBe(1);
        await get('/users', as(agent, a)).expect(401);
      });
    });

    describe('the last active org admin', () => {
      let d: TenantFixture;
      beforeAll(async () => {
        d = await createTenantFixture(t);
      });

      it.each([
        ['demoted by themself', { role: 'agent' }, 'role'],
        ['deactivated by themself', { active: false }, 'active'],
      ])('cannot be %s (409 explaining why)', async (_label, change, field) => {
        const res = await put(`/users/${d.admin.id}`, as(d.admin, d), change).expect(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.message).toMatch(/last active org admin/);
        expect(Object.keys(res.body.errors)).toEqual([field]);
        expect(await stored(d.admin.id)).toMatchObject({ role: 'org_admin', active: true, tokenVersion: 0 });
      });

      it('cannot be deactivated by a super admin either', async () => {
        await put(`/users/${d.admin.id}`, asSuper(d), { active: false }).expect(409);
      });

      it('does not count inactive org admins', async () => {
        const inactiveAdmin = await member(d, 'org_admin', { active: false });
        await put(`/users/${d.admin.id}`, as(d.admin, d), { role: 'supervisor' }).expect(409);
        expect((await stored(inactiveAdmin.id)).active).toBe(false);
      });

      it('can step down once another active org admin exists', async () => {
        await put(`/users/${d.supervisor.id}`, as(d.admin, d), { role: 'org_admin' }).expect(200);
        const res = await put(`/users/${d.admin.id}`, as(d.admin, d), { role: 'supervisor' }).expect(200);
        expect(res.body.role).toBe('supervisor');
        const admins = await list(asSuper(d), { filter: { role: 'org_admin', active: true } }).expect(200);
        expect(admins.body.map((u: { id: string }) => u.id)).toEqual([d.supervisor.id]);
      });

      it('holds when two admins demote each other at the same time', async () => {
        const e = await createTenantFixture(t);
        const second = await member(e, 'org_admin');
        const results = await Promise.all([
          put(`/users/${e.admin.id}`, asSuper(e), { role: 'agent' }),
          put(`/users/${second.id}`, asSuper(e), { role: 'agent' }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const admins = await list(asSuper(e), { filter: { role: 'org_admin', active: true } }).expect(200);
        expect(admins.body).toHaveLength(1);
      });
    });
  });

  describe('OpenAPI', () => {
    it('documents the list parameters and headers, error answers, and that there is no DELETE', async () => {
      const doc = (await request(t.server).get('/api/docs-json').expect(200)).body;
      const listOp = doc.paths['/api/v1/users'].get;
      expect(listOp.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['sort', 'range', 'filter', 'Range']));
      expect(Object.keys(listOp.responses['200'].headers)).toEqual(['Content-Range', 'X-Total-Count']);
      expect(listOp.responses['400'].content['application/json'].schema.$ref).toMatch(/ProblemResponse/);
      const item = doc.paths['/api/v1/users/{id}'];
      expect(item.delete).toBeUndefined();
      expect(item.put.summary).toMatch(/no DELETE.*active=false/);
      for (const status of ['400', '401', '403', '404', '409']) expect(item.put.responses[status]).toBeDefined();
      expect(doc.paths['/api/v1/users'].post.responses['409']).toBeDefined();
    });
  });
});
