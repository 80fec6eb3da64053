import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_DISPOSITIONS } from '../../backend/src/dispositions/default-dispositions';
import { germanNationalHolidays } from '../../backend/src/sla/holidays';
import type { TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { createClockedApp, TestClock } from './sla.fixtures';

type Auth = Record<string, string>;

const OFFICE_DAY = (weekday: number) => [
  { weekday, start: '09:00', end: '12:30' },
  { weekday, start: '13:30', end: '18:00' },
];

describe('defaults of a tenant created through the API', () => {
  const clock = new TestClock();
  let t: TestApp;
  let other: TenantFixture;
  let superAdmin: StaffMember;

  const asSuper = (): Auth => tokenFor(t, superAdmin, null);
  const get = (path: string, auth: Auth, query: Record<string, unknown> = {}) =>
    request(t.server)
      .get(`/api/v1${path}`)
      .set(auth)
      .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const newTenant = (extra: object = {}) => {
    const slug = `defaults-${randomBytes(4).toString('hex')}`;
    return { name: `Defaults ${slug}`, slug, admin: { name: 'First Admin', email: `admin.${slug}@example.test`, password: 'a-long-password' }, ...extra };
  };
  /** Creates a tenant as the super admin; returns its id and its org admin's credentials. */
  const create = async (extra: object = {}): Promise<{ id: string; admin: Auth }> => {
    const res = await request(t.server).post('/api/v1/tenants').set(asSuper()).send(newTenant(extra)).expect(201);
    const users = await get('/users', { ...asSuper(), 'X-Tenant-Id': res.body.id }).expect(200);
    return { id: res.body.id, admin: tokenFor(t, users.body[0], res.body.id) };
  };
  const counts = async (tenantId: string) => {
    const [row] = await t.orm.em.fork().execute<{ calendars: number; policies: number; dispositions: number }[]>(
      `select (select count(*)::int from business_calendars where tenant_id = ?) as calendars,
              (select count(*)::int from sla_policies where tenant_id = ?) as policies,
              (select count(*)::int from dispositions where tenant_id = ?) as dispositions`,
      [tenantId, tenantId, tenantId],
    );
    return row;
  };

  beforeAll(async () => {
    t = await createClockedApp(clock);
    other = await createTenantFixture(t);
    superAdmin = await createSuperAdmin(t);
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  it("starts with the office-hours calendar (its time zone, this and next local year's national holidays), the SLA policies in order and the dispositions", async () => {
    const before = await counts(other.tenant.id);
    // 23:30 UTC on New Year's Eve is already the next year in Berlin
    clock.set(new Date('2030-12-31T23:30:00Z'));
    const tenant = await create({ timezone: 'Europe/Berlin', defaultCountry: 'DE' });
    clock.reset();

    const calendars = await get('/business-calendars', tenant.admin).expect(200);
    expect(calendars.body).toEqual([
      expect.objectContaining({
        name: 'Office hours',
        timezone: 'Europe/Berlin',
        intervals: [1, 2, 3, 4, 5].flatMap(OFFICE_DAY),
        holidays: [...germanNationalHolidays(2031), ...germanNationalHolidays(2032)],
      }),
    ]);
    const calendarId = calendars.body[0].id;

    const policies = await get('/sla-policies', tenant.admin, { sort: ['position', 'ASC'] }).expect(200);
    expect(
      policies.body.map((p: Record<string, unknown>) => [p.position, p.name, p.priorities, p.tags, p.firstResponseMinutes, p.nextResponseMinutes, p.resolutionMinutes, p.calendarId, p.active]),
    ).toEqual([
      [0, 'Missed-call callback', [], ['callback'], 30, 30, null, null, true],
      [1, 'Urgent', ['urgent'], [], 15, 15, 4 * 60, calendarId, true],
      [2, 'High', ['high'], [], 60, 60, 8 * 60, calendarId, true],
      [3, 'Normal', ['normal'], [], 4 * 60, 4 * 60, 24 * 60, calendarId, true],
      [4, 'Low', ['low'], [], 8 * 60, 8 * 60, 72 * 60, calendarId, true],
    ]);

    const dispositions = await get('/dispositions', tenant.admin, { sort: ['position', 'ASC'], range: [0, 99] }).expect(200);
    expect(dispositions.body.map((d: { name: string; active: boolean }) => [d.name, d.active])).toEqual(DEFAULT_DISPOSITIONS.map((name) => [name, true]));

    // all of it belongs to the new tenant; the other tenant neither got rows nor sees these
    expect(await counts(tenant.id)).toEqual({ calendars: 1, policies: 5, dispositions: DEFAULT_DISPOSITIONS.length });
    expect(await counts(other.tenant.id)).toEqual(before);
    const otherAdmin = tokenFor(t, other.admin, other.tenant.id);
    await get(`/sla-policies/${policies.body[1].id}`, otherAdmin).expect(404);
    await get(`/business-calendars/${calendarId}`, otherAdmin).expect(404);
    await get(`/dispositions/${dispositions.body[0].id}`, otherAdmin).expect(404);
  });

  it('applies the default SLA to its first tickets, by priority and by the callback tag', async () => {
    const tenant = await create({ timezone: 'America/New_York' });
    const policies = await get('/sla-policies', tenant.admin, { sort: ['position', 'ASC'] }).expect(200);
    const id = (name: string) => policies.body.find((p: { name: string }) => p.name === name).id;

    const urgent = await request(t.server).post('/api/v1/tickets').set(tenant.admin).send({ subject: 'Line down', priority: 'urgent' }).expect(201);
    expect(urgent.body.slaPolicyId).toBe(id('Urgent'));
    expect(urgent.body.sla.firstResponse).toMatchObject({ status: 'active', targetMinutes: 15, dueAt: expect.any(String) });
    expect(urgent.body.sla.resolution).toMatchObject({ status: 'active', targetMinutes: 240, dueAt: expect.any(String) });
    expect(urgent.body.slaNextDueAt).toBe(urgent.body.sla.firstResponse.dueAt);

    const callback = await request(t.server).post('/api/v1/tickets').set(tenant.admin).send({ subject: 'Missed call', tags: ['callback'] }).expect(201);
    expect(callback.body.slaPolicyId).toBe(id('Missed-call callback'));
    // 24/7: due exactly 30 minutes after creation
    expect(new Date(callback.body.sla.firstResponse.dueAt).getTime() - new Date(callback.body.createdAt).getTime()).toBe(30 * 60_000);
  });

  it('gives a country without holiday rules the calendar without holidays', async () => {
    const tenant = await create({ timezone: 'Asia/Tokyo', defaultCountry: 'JP' });
    const calendars = await get('/business-calendars', tenant.admin).expect(200);
    expect(calendars.body).toEqual([expect.objectContaining({ name: 'Office hours', timezone: 'Asia/Tokyo', holidays: [] })]);
  });

  it('starts empty with provisionDefaults: false', async () => {
    const tenant = await create({ provisionDefaults: false });
    expect(await counts(tenant.id)).toEqual({ calendars: 0, policies: 0, dispositions: 0 });
    const ticket = await request(t.server).post('/api/v1/tickets').set(tenant.admin).send({ subject: 'No SLA here' }).expect(201);
    expect(ticket.body).toMatchObject({ slaPolicyId: null, sla: null });
  });

  it('refuses a provisionDefaults that is not a boolean (400), creating nothing', async () => {
    const body = newTenant({ provisionDefaults: 'no' });
    const res = await request(t.server).post('/api/v1/tenants').set(asSuper()).send(body).expect(400);
    expect(Object.keys(res.body.errors)).toEqual(['provisionDefaults']);
    const [{ n }] = await t.orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from tenants where slug = ?', [body.slug]);
    expect(n).toBe(0);
  });
});
