import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';

const API = '/api/v1/business-calendars';
const SPLIT = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '13:30', end: '18:00' },
  { weekday, start: '09:00', end: '12:30' },
]);

describe('business calendars', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  const as = (f: TenantFixture, who: 'admin' | 'supervisor' | 'agent') => tokenFor(t, f[who], f.tenant.id);
  let n = 0;
  const create = (f: TenantFixture, body: Record<string, unknown> = {}) =>
    request(t.server).post(API).set(as(f, 'admin')).send({ name: `Hours ${++n}`, timezone: 'Europe/Berlin', intervals: SPLIT, ...body });

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
  });
  afterAll(() => t.close());

  it('org admins create calendars with split shifts, overnight openings and holidays; stored in order', async () => {
    const res = await create(a, {
      name: 'Berlin office',
      intervals: [...SPLIT, { weekday: 6, start: '22:00', end: '06:00' }],
      holidays: [{ from: '2026-12-24', to: '2026-12-26', name: 'Christmas' }, { from: '2026-10-03', to: '2026-10-03' }],
    }).expect(201);
    expect(res.body).toMatchObject({ name: 'Berlin office', timezone: 'Europe/Berlin', tenantId: a.tenant.id });
    expect(res.body.intervals.slice(0, 2)).toEqual([
      { weekday: 1, start: '09:00', end: '12:30' },
      { weekday: 1, start: '13:30', end: '18:00' },
    ]);
    expect(res.body.intervals[10]).toEqual({ weekday: 6, start: '22:00', end: '06:00' });
    expect(res.body.holidays).toEqual([{ from: '2026-10-03', to: '2026-10-03' }, { from: '2026-12-24', to: '2026-12-26', name: 'Christmas' }]);
    const got = await request(t.server).get(`${API}/${res.body.id}`).set(as(a, 'agent')).expect(200);
    expect(got.body).toEqual(res.body);
  });

  it.each([
    ['no opening at all', { intervals: [] }, 'intervals'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['an interval that starts where it ends', { intervals: [{ weekday: 1, start: '09:00', end: '09:00' }] }, 'intervals.0.end'],
    ['an interval that starts at 24:00', { intervals: [{ weekday: 1, start: '24:00', end: '06:00' }] }, 'intervals.0.start'],
    ['a weekday out of range', { intervals: [{ weekday: 7, start: '09:00', end: '17:00' }] }, 'intervals.0.weekday'],
    ['a time that is not HH:MM', { intervals: [{ weekday: 1, start: '9:00', end: '17:00' }] }, 'intervals.0.start'],
    ['a holiday range ending before it starts', { holidays: [{ from: '2026-12-26', to: '2026-12-24' }] }, 'holidays.0.to'],
    ['a holiday on a date that does not exist', { holidays: [{ from: '2026-02-30', to: '2026-03-01' }] }, 'holidays.0.from'],
  ])('refuses %s (400, errors.%s)', async (_what, body, field) => {
    const res = await create(a, body).expect(400);
    expect(res.body.errors).toHaveProperty([field]);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a second calendar with the same name (409 errors.name)', async () => {
    await create(a, { name: 'Twice' }).expect(201);
    const res = await create(a, { name: 'Twice' }).expect(409);
    expect(res.body.errors).toEqual({ name: 'already in use' });
  });

  it('supervisors and agents read; only org admins write', async () => {
    const created = await create(a).expect(201);
    for (const who of ['supervisor', 'agent'] as const) {
      await request(t.server).get(API).set(as(a, who)).expect(200);
      await request(t.server).post(API).set(as(a, who)).send({ name: 'x', timezone: 'UTC', intervals: SPLIT }).expect(403);
      await request(t.server).put(`${API}/${created.body.id}`).set(as(a, who)).send({ name: 'y' }).expect(403);
      await request(t.server).delete(`${API}/${created.body.id}`).set(as(a, who)).expect(403);
    }
  });

  it('updates, and deletes a calendar only when no policy uses it (409)', async () => {
    const created = await create(a).expect(201);
    const updated = await request(t.server)
      .put(`${API}/${created.body.id}`)
      .set(as(a, 'admin'))
      .send({ ...created.body, timezone: 'America/New_York', holidays: [{ from: '2026-11-26', to: '2026-11-26', name: 'Thanksgiving' }] })
      .expect(200);
    expect(updated.body).toMatchObject({ timezone: 'America/New_York', holidays: [{ from: '2026-11-26', to: '2026-11-26', name: 'Thanksgiving' }] });
    await request(t.server).put(`${API}/${created.body.id}`).set(as(a, 'admin')).send({ intervals: [] }).expect(400);

    const policy = await request(t.server)
      .post('/api/v1/sla-policies')
      .set(as(a, 'admin'))
      .send({ name: `Uses calendar ${created.body.id}`, firstResponseMinutes: 60, calendarId: created.body.id })
      .expect(201);
    const refused = await request(t.server).delete(`${API}/${created.body.id}`).set(as(a, 'admin')).expect(409);
    expect(refused.body.detail).toMatch(/policies use this calendar/);
    await request(t.server).delete(`/api/v1/sla-policies/${policy.body.id}`).set(as(a, 'admin')).expect(200);
    const deleted = await request(t.server).delete(`${API}/${created.body.id}`).set(as(a, 'admin')).expect(200);
    expect(deleted.body.id).toBe(created.body.id);
    await request(t.server).get(`${API}/${created.body.id}`).set(as(a, 'admin')).expect(404);
  });

  describe('across tenants', () => {
    it("another tenant's calendar is not found, and stays unchanged", async () => {
      const theirs = await create(b, { name: 'B only' }).expect(201);
      await request(t.server).get(`${API}/${theirs.body.id}`).set(as(a, 'admin')).expect(404);
      await request(t.server).put(`${API}/${theirs.body.id}`).set(as(a, 'admin')).send({ name: 'Hijacked', intervals: [] }).expect(404);
      await request(t.server).delete(`${API}/${theirs.body.id}`).set(as(a, 'admin')).expect(404);
      const still = await request(t.server).get(`${API}/${theirs.body.id}`).set(as(b, 'admin')).expect(200);
      expect(still.body).toEqual(theirs.body);
    });

    it("lists never contain another tenant's calendars, and totals count only the own ones", async () => {
      const [mine, theirs] = await Promise.all([
        request(t.server).get(API).set(as(a, 'supervisor')).query({ range: '[0,999]' }).expect(200),
        request(t.server).get(API).set(as(b, 'supervisor')).query({ range: '[0,999]' }).expect(200),
      ]);
      expect(mine.body.length).toBeGreaterThan(0);
      expect(mine.body.every((c: { tenantId: string }) => c.tenantId === a.tenant.id)).toBe(true);
      expect(mine.headers['content-range']).toBe(`business-calendars 0-${mine.body.length - 1}/${mine.body.length}`);
      expect(theirs.body.every((c: { tenantId: string }) => c.tenantId === b.tenant.id)).toBe(true);
      const ids = new Set(theirs.body.map((c: { id: string }) => c.id));
      expect(mine.body.some((c: { id: string }) => ids.has(c.id))).toBe(false);
    });

    it("a policy cannot use another tenant's calendar (400 errors.calendarId)", async () => {
      const theirs = await create(b).expect(201);
      const res = await request(t.server).post('/api/v1/sla-policies').set(as(a, 'admin')).send({ name: 'Borrowing', firstResponseMinutes: 60, calendarId: theirs.body.id }).expect(400);
      expect(res.body.errors).toEqual({ calendarId: 'no such business calendar' });
    });
  });
});
