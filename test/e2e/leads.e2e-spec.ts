import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Lead } from '../../backend/src/leads/lead.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import { User } from '../../backend/src/users/user.entity';

type Auth = Record<string, string>;

describe('leads resource: create, update, delete', () => {
  let t: TestApp;
  let us: TenantFixture;
  let de: TenantFixture;
  let other: TenantFixture;
  let superAdmin: StaffMember;
  let seq = 0;

  const as = (m: StaffMember, f: TenantFixture): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const post = (auth: Auth, body: object) => api().post('/api/v1/leads').set(auth).send(body);
  const put = (id: string, auth: Auth, body: object) => api().put(`/api/v1/leads/${id}`).set(auth).send(body);
  const del = (id: string, auth: Auth) => api().delete(`/api/v1/leads/${id}`).set(auth).set('Content-Type', 'text/plain');
  const getOne = (id: string, auth: Auth) => api().get(`/api/v1/leads/${id}`).set(auth);
  const stored = (id: string) => t.orm.em.fork().findOne(Lead, id, { filters: false });
  const countLeads = (f: TenantFixture) => t.orm.em.fork().count(Lead, { tenantId: f.tenant.id }, { filters: false });
  const events = (resourceId: string) =>
    t.orm.em.fork().find(OutboxEvent, { resourceId }, { filters: false, orderBy: { seq: 'asc' } });
  /** A different valid US number each call, in a local format. */
  const usPhone = () => {
    const n = 1000 + ++seq;
    return { local: `(415) 867-${n}`, e164: `+1415867${n}` };
  };

  /** A lead created through the API by `who` (default: the supervisor). */
  async function lead(f: TenantFixture, body: object = {}, who: StaffMember = f.supervisor) {
    const res = await post(as(who, f), { name: `Lead ${++seq}`, ...body }).expect(201);
    return res.body as { id: string; version: number; ownerId: string | null; phone: string | null; name: string };
  }

  beforeAll(async () => {
    t = await createTestApp();
    us = await createTenantFixture(t, { defaultCountry: 'US' });
    de = await createTenantFixture(t, { defaultCountry: 'DE' });
    other = await createTenantFixture(t, { defaultCountry: 'US' });
    superAdmin = await createSuperAdmin(t);
  });
  afterAll(() => t.close());

  describe('POST /leads', () => {
    it('lets an agent create a lead, which they then own', async () => {
      const phone = usPhone();
      const res = await post(as(us.agent, us), {
        name: 'Geraldine Okafor',
        phone: phone.local,
        email: ' Geraldine@Example.COM ',
        company: 'Bluebird Logistics',
        source: 'Trade show',
      }).expect(201);
      expect(res.body).toMatchObject({
        name: 'Geraldine Okafor',
        phone: phone.e164,
        email: 'geraldine@example.com',
        company: 'Bluebird Logistics',
        source: 'Trade show',
        status: 'new',
        ownerId: us.agent.id,
        tenantId: us.tenant.id,
        lastContactedAt: null,
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      expect(Object.keys(res.body).sort()).toEqual(
        ['company', 'createdAt', 'email', 'id', 'lastContactedAt', 'name', 'ownerId', 'phone', 'source', 'status', 'tenantId', 'updatedAt', 'version'].sort(),
      );
      expect(await stored(res.body.id)).toMatchObject({ tenantId: us.tenant.id, phone: phone.e164, ownerId: us.agent.id });
    });

    it('lets an agent name themselves as owner', async () => {
      const res = await post(as(us.agent, us), { name: 'Self-owned', ownerId: us.agent.id }).expect(201);
      expect(res.body.ownerId).toBe(us.agent.id);
    });

    it.each([
      ['another agent', () => us.agent2.id],
      ['nobody', () => null],
    ])('refuses an agent creating a lead owned by %s (403 on ownerId), and stores nothing', async (_label, owner) => {
      const before = await countLeads(us);
      const res = await post(as(us.agent, us), { name: 'Handed away', ownerId: owner() }).expect(403);
      expect(res.body.errors).toEqual({ ownerId: expect.any(String) });
      expect(await countLeads(us)).toBe(before);
    });

    it('makes the creating supervisor or admin the owner unless they name one (or nobody)', async () => {
      expect((await lead(us, {}, us.supervisor)).ownerId).toBe(us.supervisor.id);
      expect((await lead(us, {}, us.admin)).ownerId).toBe(us.admin.id);
      expect((await lead(us, { ownerId: us.agent2.id }, us.supervisor)).ownerId).toBe(us.agent2.id);
      expect((await lead(us, { ownerId: null }, us.admin)).ownerId).toBeNull();
    });

    it('normalises a local number with the tenant’s default country: US', async () => {
      expect((await lead(us, { phone: '201.555.0123' })).phone).toBe('+12015550123');
    });

    it('normalises a local number with the tenant’s default country: DE', async () => {
      expect((await lead(de, { phone: '030 1234567' })).phone).toBe('+49301234567');
      expect((await lead(de, { phone: '0151 23456789' })).phone).toBe('+4915123456789');
    });

    it('keeps an international number in its own country', async () => {
      expect((await lead(us, { phone: '+44 20 7946 0958' })).phone).toBe('+442079460958');
    });

    it.each([['not a phone'], ['12'], ['(415) 555-5555 and more text'], ['+1 201 555 0123 ext. 7']])(
      'refuses the phone %p with 400 errors.phone and stores nothing',
      async (phone) => {
        const before = await countLeads(us);
        const res = await post(as(us.supervisor, us), { name: 'Bad phone', phone }).expect(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors).toEqual({ phone: expect.stringMatching(/^phone /) });
        expect(await countLeads(us)).toBe(before);
      },
    );

    it('treats an empty phone, email, company and source as none', async () => {
      const created = await lead(us, { phone: '', email: '  ', company: '', source: '' });
      expect(created).toMatchObject({ phone: null, email: null, company: null, source: null });
    });

    it('refuses a second lead with the same number, whatever its format (409 errors.phone)', async () => {
      const phone = usPhone();
      await lead(us, { phone: phone.local });
      const before = await countLeads(us);
      const res = await post(as(us.admin, us), { name: 'Duplicate', phone: phone.e164.replace('+1', '1-') }).expect(409);
      expect(res.body).toMatchObject({ status: 409, errors: { phone: 'a lead with this phone number already exists' } });
      expect(await countLeads(us)).toBe(before);
    });

    it.each([
      ['missing name', { company: 'x' }, 'name'],
      ['empty name', { name: '   ' }, 'name'],
      ['unknown status', { name: 'x', status: 'hot' }, 'status'],
      ['bad email', { name: 'x', email: 'not-an-email' }, 'email'],
      ['overlong source', { name: 'x', source: 's'.repeat(101) }, 'source'],
      ['owner that is not a uuid', { name: 'x', ownerId: 'bob' }, 'ownerId'],
    ])('refuses a %s with 400 naming the field', async (_label, body, field) => {
      const res = await post(as(us.admin, us), body).expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('refuses an owner who is not an active user of the tenant (422 errors.ownerId)', async () => {
      const inactive = await t.orm.em.fork().nativeUpdate(User, { id: us.agent2.id }, { active: false }, { filters: false });
      expect(inactive).toBe(1);
      try {
        for (const ownerId of [other.agent.id, '00000000-0000-4000-8000-000000000000', us.agent2.id]) {
          const res = await post(as(us.admin, us), { name: 'Orphan', ownerId }).expect(422);
          expect(res.body.errors).toEqual({ ownerId: expect.any(String) });
        }
      } finally {
        await t.orm.em.fork().nativeUpdate(User, { id: us.agent2.id }, { active: true }, { filters: false });
      }
    });

    it('ignores id, tenantId, version, lastContactedAt and timestamps in the body (mass assignment)', async () => {
      const forged = {
        id: '11111111-1111-4111-8111-111111111111',
        tenantId: other.tenant.id,
        version: 42,
        lastContactedAt: '2020-01-01T00:00:00.000Z',
        createdAt: '2000-01-01T00:00:00.000Z',
        searchText: 'injected',
      };
      const res = await post(as(us.admin, us), { name: 'Forged', ...forged }).expect(201);
      expect(res.body.id).not.toBe(forged.id);
      expect(res.body).toMatchObject({ tenantId: us.tenant.id, version: 1, lastContactedAt: null });
      expect(new Date(res.body.createdAt).getFullYear()).toBeGreaterThan(2020);
      expect(await stored(forged.id)).toBeNull();
      expect(await stored(res.body.id)).toMatchObject({ tenantId: us.tenant.id, version: 1 });
    });

    it('lets a super admin create in the tenant they choose, owned by nobody by default', async () => {
      const res = await post({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': us.tenant.id }, { name: 'From operator' }).expect(201);
      expect(res.body).toMatchObject({ tenantId: us.tenant.id, ownerId: null });
    });

    it('asks a super admin to choose a tenant first', async () => {
      const res = await post(tokenFor(t, superAdmin, null), { name: 'Nowhere' }).expect(400);
      expect(res.body.type).toContain('tenant-required');
    });

    it('writes a lead.updated outbox row with the change', async () => {
      const created = await lead(us, { status: 'contacted', ownerId: us.agent.id });
      const rows = await events(created.id);
      expect(rows).toHaveLength(1);
      const row = await stored(created.id);
      expect(rows[0]).toMatchObject({ name: 'lead.updated', subject: 'Lead', tenantId: us.tenant.id, resourceId: created.id });
      expect(rows[0].payload).toEqual({
        id: created.id,
        name: created.name,
        status: 'contacted',
        ownerId: us.agent.id,
        updatedAt: row!.updatedAt.toISOString(),
      });
    });

    it('refuses without a token', async () => {
      await api().post('/api/v1/leads').send({ name: 'Anon' }).expect(401);
    });
  });

  describe('GET /leads/:id', () => {
    it('lets an agent read a lead someone else owns, with its ETag', async () => {
      const created = await lead(us, { ownerId: us.agent2.id });
      const res = await getOne(created.id, as(us.agent, us)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ownerId: us.agent2.id });
      expect(res.headers.etag).toBe('"1"');
    });

    it('answers 404 for an unknown or malformed id', async () => {
      await getOne('00000000-0000-4000-8000-000000000000', as(us.admin, us)).expect(404);
      const res = await getOne('not-a-uuid', as(us.admin, us)).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('PUT /leads/:id', () => {
    it('lets an agent update a lead they own; version and ETag move on and an event is written', async () => {
      const created = await lead(us, {}, us.agent);
      const res = await put(created.id, as(us.agent, us), { status: 'qualified', company: 'Summit Labs', version: 1 }).expect(200);
      expect(res.body).toMatchObject({ status: 'qualified', company: 'Summit Labs', version: 2, ownerId: us.agent.id });
      expect(res.headers.etag).toBe('"2"');
      expect(await stored(created.id)).toMatchObject({ status: 'qualified', version: 2 });
      const rows = await events(created.id);
      expect(rows.map((r) => r.name)).toEqual(['lead.updated', 'lead.updated']);
      expect(rows[1].payload).toMatchObject({ id: created.id, status: 'qualified', ownerId: us.agent.id, changed: ['company', 'status'] });
    });

    it('refuses an agent updating a lead owned by someone else (403) and changes nothing', async () => {
      for (const ownerId of [us.agent2.id, null]) {
        const created = await lead(us, { ownerId, status: 'new' });
        await put(created.id, as(us.agent, us), { status: 'won' }).expect(403);
        expect(await stored(created.id)).toMatchObject({ status: 'new', version: 1, ownerId });
        expect(await events(created.id)).toHaveLength(1);
      }
    });

    it.each([
      ['another agent', () => us.agent2.id],
      ['nobody', () => null],
    ])('refuses an agent handing their lead to %s (403 errors.ownerId) and changes nothing', async (_label, owner) => {
      const created = await lead(us, { status: 'new' }, us.agent);
      const res = await put(created.id, as(us.agent, us), { ownerId: owner(), status: 'won' }).expect(403);
      expect(res.body.errors).toEqual({ ownerId: expect.any(String) });
      expect(await stored(created.id)).toMatchObject({ ownerId: us.agent.id, status: 'new', version: 1 });
    });

    it('lets supervisors and admins reassign and edit any lead', async () => {
      const created = await lead(us, { ownerId: us.agent.id });
      await put(created.id, as(us.supervisor, us), { ownerId: us.agent2.id }).expect(200);
      const res = await put(created.id, as(us.admin, us), { ownerId: null, name: 'Renamed' }).expect(200);
      expect(res.body).toMatchObject({ ownerId: null, name: 'Renamed', version: 3 });
    });

    it('refuses an owner outside the tenant (422) and changes nothing', async () => {
      const created = await lead(us, { ownerId: us.agent.id });
      const res = await put(created.id, as(us.admin, us), { ownerId: other.agent.id }).expect(422);
      expect(res.body.errors).toEqual({ ownerId: expect.any(String) });
      expect(await stored(created.id)).toMatchObject({ ownerId: us.agent.id, version: 1 });
    });

    it('normalises the phone on update with the tenant’s default country', async () => {
      const created = await lead(de);
      const res = await put(created.id, as(de.admin, de), { phone: '030 7654321' }).expect(200);
      expect(res.body.phone).toBe('+49307654321');
    });

    it('refuses an invalid phone on update (400 errors.phone) and changes nothing', async () => {
      const phone = usPhone();
      const created = await lead(us, { phone: phone.local });
      const res = await put(created.id, as(us.admin, us), { phone: '555', name: 'Changed' }).expect(400);
      expect(res.body.errors).toEqual({ phone: expect.any(String) });
      expect(await stored(created.id)).toMatchObject({ phone: phone.e164, version: 1 });
    });

    it('refuses another lead’s number on update (409 errors.phone) and changes nothing', async () => {
      const taken = usPhone();
      await lead(us, { phone: taken.local });
      const created = await lead(us, { name: 'Second' });
      const res = await put(created.id, as(us.admin, us), { phone: taken.e164, name: 'Changed' }).expect(409);
      expect(res.body.errors).toEqual({ phone: 'a lead with this phone number already exists' });
      expect(await stored(created.id)).toMatchObject({ phone: null, name: 'Second', version: 1 });
    });

    it('clears the phone with null or an empty string', async () => {
      const created = await lead(us, { phone: usPhone().local });
      expect((await put(created.id, as(us.admin, us), { phone: '' }).expect(200)).body.phone).toBeNull();
      await put(created.id, as(us.admin, us), { phone: usPhone().local }).expect(200);
      expect((await put(created.id, as(us.admin, us), { phone: null }).expect(200)).body.phone).toBeNull();
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const created = await lead(us, { status: 'new' });
      await put(created.id, as(us.admin, us), { status: 'contacted', version: 1 }).expect(200);
      const res = await put(created.id, as(us.supervisor, us), { status: 'lost', name: 'Overwritten', version: 1 }).expect(409);
      expect(res.body.type).toContain('version-conflict');
      expect(await stored(created.id)).toMatchObject({ status: 'contacted', name: created.name, version: 2 });
      expect(await events(created.id)).toHaveLength(2);
    });

    it('lets exactly one of several concurrent updates from the same version win', async () => {
      const created = await lead(us, { status: 'new' });
      const results = await Promise.all(
        (['contacted', 'qualified', 'won', 'lost'] as const).map((status) => put(created.id, as(us.admin, us), { status, version: 1 })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)!;
      expect(await stored(created.id)).toMatchObject({ status: winner.body.status, version: 2 });
      expect(await events(created.id)).toHaveLength(2);
    });

    it('honours If-Match: a stale ETag is a 409, the current one succeeds', async () => {
      const created = await lead(us, { status: 'new' });
      await put(created.id, as(us.admin, us), { status: 'contacted' }).expect(200);
      await put(created.id, as(us.admin, us), { status: 'lost' }).set('If-Match', '"1"').expect(409);
      expect(await stored(created.id)).toMatchObject({ status: 'contacted', version: 2 });
      const res = await put(created.id, as(us.admin, us), { status: 'won' }).set('If-Match', '"2"').expect(200);
      expect(res.body).toMatchObject({ status: 'won', version: 3 });
      await put(created.id, as(us.admin, us), { status: 'new' }).set('If-Match', 'garbage').expect(400);
    });

    it('accepts a whole react-admin record and ignores its read-only fields', async () => {
      const created = await lead(us, { phone: usPhone().local });
      const record = (await getOne(created.id, as(us.admin, us)).expect(200)).body;
      const res = await put(created.id, as(us.admin, us), {
        ...record,
        name: 'Edited in the form',
        tenantId: other.tenant.id,
        id: '11111111-1111-4111-8111-111111111111',
        lastContactedAt: '2020-01-01T00:00:00.000Z',
        createdAt: '2000-01-01T00:00:00.000Z',
      }).expect(200);
      expect(res.body).toMatchObject({ id: created.id, tenantId: us.tenant.id, name: 'Edited in the form', lastContactedAt: null, version: 2 });
      expect(res.body.createdAt).toBe(record.createdAt);
      expect(await stored(created.id)).toMatchObject({ tenantId: us.tenant.id, name: 'Edited in the form' });
    });

    it('does not bump the version or publish when nothing changes', async () => {
      const created = await lead(us, { phone: usPhone().local, status: 'contacted' });
      const record = (await getOne(created.id, as(us.admin, us)).expect(200)).body;
      const res = await put(created.id, as(us.admin, us), record).expect(200);
      expect(res.body.version).toBe(1);
      expect(await events(created.id)).toHaveLength(1);
    });

    it('answers 404 for an unknown id', async () => {
      await put('00000000-0000-4000-8000-000000000000', as(us.admin, us), { name: 'x' }).expect(404);
    });
  });

  describe('DELETE /leads/:id', () => {
    it('refuses agents, even for their own lead, and keeps it', async () => {
      const created = await lead(us, {}, us.agent);
      await del(created.id, as(us.agent, us)).expect(403);
      expect(await stored(created.id)).not.toBeNull();
    });

    it.each(['supervisor', 'admin'] as const)('lets the %s delete, returning the deleted lead', async (who) => {
      const created = await lead(us, { phone: usPhone().local });
      const res = await del(created.id, as(us[who], us)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, name: created.name, phone: created.phone });
      expect(await stored(created.id)).toBeNull();
      await getOne(created.id, as(us.admin, us)).expect(404);
      const rows = await events(created.id);
      expect(rows.at(-1)!.payload).toMatchObject({ id: created.id, deleted: true });
    });

    it('frees the phone number for a new lead', async () => {
      const phone = usPhone();
      const created = await lead(us, { phone: phone.local });
      await del(created.id, as(us.admin, us)).expect(200);
      expect((await lead(us, { phone: phone.local })).phone).toBe(phone.e164);
    });

    it('answers 404 for an unknown id', async () => {
      await del('00000000-0000-4000-8000-000000000000', as(us.admin, us)).expect(404);
    });
  });
});
