import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'ra-core';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, TEST_PASSWORD, type TenantFixture } from '../support/fixtures';

/**
 * The admin UI uses react-admin's stock simple-rest provider unchanged: this drives the API with
 * that very provider over real HTTP, as the browser would.
 */
describe('react-admin simple-rest contract', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let ra: DataProvider;

  /** What a react-admin call rejects with. */
  async function rejection(call: Promise<unknown>): Promise<HttpError> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  }

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = [await createTenantFixture(t), await createTenantFixture(t)];
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const token = tokenFor(t, a.admin, a.tenant.id).Authorization;
    const httpClient = (url: string, options: fetchUtils.Options = {}) => fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token } });
    ra = simpleRestProvider(`http://127.0.0.1:${port}/api/v1`, httpClient);
  });
  afterAll(() => t.close());

  /** The tenant's emails in the database's own collation order (it differs from JS's between servers). */
  const emailsInOrder = async (f: TenantFixture, order: 'asc' | 'desc', role?: string) =>
    (
      await t.orm.em
        .getConnection()
        .execute<{ email: string }[]>(`select email from users where tenant_id = ? and (?::text is null or role = ?) order by email ${order}`, [f.tenant.id, role ?? null, role ?? null])
    ).map((r) => r.email);

  describe('getList', () => {
    it('filters, sorts and pages, with totals from Content-Range', async () => {
      const agents = await ra.getList('users', { pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'ASC' }, filter: { role: 'agent' } });
      expect(agents.data.map((u) => u.email)).toEqual(await emailsInOrder(a, 'asc', 'agent'));
      expect(agents.total).toBe(2);

      const page1 = await ra.getList('users', { pagination: { page: 1, perPage: 3 }, sort: { field: 'email', order: 'DESC' }, filter: {} });
      const page2 = await ra.getList('users', { pagination: { page: 2, perPage: 3 }, sort: { field: 'email', order: 'DESC' }, filter: {} });
      expect(page1.total).toBe(4);
      expect(page2.total).toBe(4);
      expect(page1.data).toHaveLength(3);
      expect([...page1.data, ...page2.data].map((u) => u.email)).toEqual(await emailsInOrder(a, 'desc'));
    });

    it('searches with q', async () => {
      const found = await ra.getList('users', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { q: a.supervisor.email } });
      expect(found.data.map((u) => u.id)).toEqual([a.supervisor.id]);
      expect(found.total).toBe(1);
    });

    it("never lists another tenant's rows, nor counts them", async () => {
      const list = await ra.getList('users', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
      const bIds = [b.admin, b.supervisor, b.agent, b.agent2].map((m) => m.id);
      expect(list.data.filter((u) => bIds.includes(u.id as string))).toEqual([]);
      expect(list.total).toBe(4);
    });

    it('turns a sort on an unknown field into an HttpError naming the parameter', async () => {
      const error = await rejection(ra.getList('users', { pagination: { page: 1, perPage: 10 }, sort: { field: 'passwordHash', order: 'ASC' }, filter: {} }));
      expect(error.status).toBe(400);
      expect(error.body.errors).toHaveProperty('sort');
    });
  });

  describe('getOne, getMany, getManyReference', () => {
    it('getOne returns the record', async () => {
      const { data } = await ra.getOne('users', { id: a.agent.id });
      expect(data).toMatchObject({ id: a.agent.id, email: a.agent.email, role: 'agent' });
      expect(data).not.toHaveProperty('passwordHash');
    });

    it("getOne on another tenant's id is a 404 HttpError with a message", async () => {
      const error = await rejection(ra.getOne('users', { id: b.agent.id }));
      expect(error.status).toBe(404);
      expect(error.message).toBe(error.body.message);
      expect(typeof error.body.message).toBe('string');
    });

    it("getMany returns the tenant's ids and leaves out another tenant's", async () => {
      const { data } = await ra.getMany('users', { ids: [a.agent.id, a.agent2.id, b.agent.id] });
      expect(data.map((u) => u.id).sort()).toEqual([a.agent.id, a.agent2.id].sort());
    });

    it('getManyReference filters on the target, sorts and pages', async () => {
      const res = await ra.getManyReference('users', {
        target: 'role',
        id: 'agent',
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'email', order: 'ASC' },
        filter: { active: true },
      });
      expect(res.data.map((u) => u.email)).toEqual((await emailsInOrder(a, 'asc', 'agent')).slice(0, 1));
      expect(res.total).toBe(2);
    });
  });

  describe('create and update', () => {
    const email = () => `Ra.${randomBytes(4).toString('hex')}@Example.test`;

    it('create returns the created record with its id', async () => {
      const address = email();
      const { data } = await ra.create('users', { data: { name: 'Created Through RA', email: address, role: 'agent', password: TEST_PASSWORD } });
      expect(data).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: address.toLowerCase(), tenantId: a.tenant.id, active: true });
      expect(data).not.toHaveProperty('password');
      expect((await ra.getOne('users', { id: data.id })).data.email).toBe(address.toLowerCase());
    });

    it('update PUTs the whole record (id, timestamps included) and returns the updated one', async () => {
      const { data: before } = await ra.getOne('users', { id: a.agent2.id });
      const { data } = await ra.update('users', { id: before.id, data: { ...before, name: 'Renamed Through RA' }, previousData: before });
      expect(data).toMatchObject({ id: before.id, name: 'Renamed Through RA', email: before.email, createdAt: before.createdAt });
      expect((await ra.getOne('users', { id: before.id })).data.name).toBe('Renamed Through RA');
    });

    it('a validation error is an HttpError whose body.errors names each field', async () => {
      const error = await rejection(ra.create('users', { data: { name: 'Bad', email: 'not-an-email', role: 'agent', password: 'short' } }));
      expect(error.status).toBe(400);
      expect(error.body.errors).toEqual(expect.objectContaining({ email: expect.any(String), password: expect.any(String) }));
      expect(typeof error.body.message).toBe('string');
      expect(error.message).toBe(error.body.message);
    });

    it("update on another tenant's record is a 404 and changes nothing", async () => {
      const error = await rejection(ra.update('users', { id: b.agent.id, data: { name: 'Hijacked' }, previousData: { id: b.agent.id } }));
      expect(error.status).toBe(404);
      const [row] = await t.orm.em.getConnection().execute<{ name: string }[]>('select name from users where id = ?', [b.agent.id]);
      expect(row.name).toBe(b.agent.name);
    });
  });

  describe('delete', () => {
    const newLead = async () => (await ra.create('leads', { data: { name: `Lead ${randomBytes(3).toString('hex')}` } })).data;

    it('users have no DELETE (deactivation instead): react-admin gets a problem+json 404 with a message', async () => {
      const error = await rejection(ra.delete('users', { id: a.agent.id, previousData: { id: a.agent.id } }));
      expect(error.status).toBe(404);
      expect(error.body).toMatchObject({ status: 404, message: expect.any(String) });
      expect((await ra.getOne('users', { id: a.agent.id })).data.active).toBe(true);
    });

    it('delete (text/plain, no body) returns the deleted record', async () => {
      const lead = await newLead();
      const { data } = await ra.delete('leads', { id: lead.id, previousData: lead });
      expect(data).toMatchObject({ id: lead.id, name: lead.name });
      expect((await rejection(ra.getOne('leads', { id: lead.id }))).status).toBe(404);
    });

    it('deleteMany sends one DELETE per id and returns their ids', async () => {
      const [l1, l2] = [await newLead(), await newLead()];
      const { data } = await ra.deleteMany('leads', { ids: [l1.id, l2.id] });
      expect([...(data ?? [])].sort()).toEqual([l1.id, l2.id].sort());
      const left = await ra.getMany('leads', { ids: [l1.id, l2.id] });
      expect(left.data).toEqual([]);
    });
  });
});
