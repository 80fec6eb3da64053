import request from 'supertest';
import type { TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { createClockedApp, createPolicy, createTicket, minutesAfter, TestClock } from './sla.fixtures';

/**
 * What the tickets list's "Breaching soon" view asks: tickets whose next SLA due time is before a
 * bound (`slaNextDueAt_lte`), due soonest first. Tenant-scoped like every list.
 */
describe('tickets list: filter and sort by the next SLA due time', () => {
  const clock = new TestClock();
  let t: TestApp;
  let f: TenantFixture;
  let other: TenantFixture;
  const subjects: Record<string, string> = {};

  const list = (filter: Record<string, unknown>, sort = '["slaNextDueAt","ASC"]') =>
    request(t.server).get('/api/v1/tickets').set(tokenFor(t, f.supervisor, f.tenant.id)).query({ filter: JSON.stringify(filter), sort, range: '[0,49]' });
  const named = (rows: { subject: string }[]) => rows.map((r) => r.subject);

  beforeAll(async () => {
    t = await createClockedApp(clock);
    [f, other] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
    await createPolicy(t, f, { name: 'Hotline', tags: ['hotline'], firstResponseMinutes: 20 });
    await createPolicy(t, f, { name: 'Mail', tags: ['mail'], firstResponseMinutes: 600 });
    await createPolicy(t, other, { name: 'Theirs', firstResponseMinutes: 5 });
    for (const [key, tags] of [['hotline', ['hotline']], ['mail', ['mail']], ['none', []]] as const) {
      subjects[key] = `${key} ${Date.now()}`;
      await createTicket(t, f, { subject: subjects[key], tags });
    }
    await createTicket(t, other, { subject: 'Their urgent ticket' });
  });
  afterAll(() => t.close());

  it("lists only the tickets due before the bound, soonest first, not another tenant's", async () => {
    const inAnHour = minutesAfter(new Date(), 60).toISOString();
    const soon = await list({ slaNextDueAt_lte: inAnHour }).expect(200);
    expect(named(soon.body)).toEqual([subjects.hotline]);
    expect(soon.headers['content-range']).toBe('tickets 0-0/1');

    const today = await list({ slaNextDueAt_lte: minutesAfter(new Date(), 24 * 60).toISOString() }).expect(200);
    expect(named(today.body)).toEqual([subjects.hotline, subjects.mail]);
  });

  it('sorts by the next due time in both directions, tickets without SLA last when ascending', async () => {
    const asc = await list({}).expect(200);
    expect(named(asc.body)).toEqual([subjects.hotline, subjects.mail, subjects.none]);
    const desc = await list({ slaNextDueAt_lte: minutesAfter(new Date(), 24 * 60).toISOString() }, '["slaNextDueAt","DESC"]').expect(200);
    expect(named(desc.body)).toEqual([subjects.mail, subjects.hotline]);
  });

  it('refuses a bound that is not a date, as problem+json', async () => {
    const res = await list({ slaNextDueAt_lte: 'in an hour' }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain('slaNextDueAt_lte');
  });
});
