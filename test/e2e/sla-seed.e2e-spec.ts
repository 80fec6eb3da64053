import request from 'supertest';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { seedDemoTickets } from '../../backend/src/tickets/tickets.seed';
import { seedDemoSla } from '../../backend/src/sla/sla.seed';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';

describe('demo SLA seeding', () => {
  let t: TestApp;
  let us: TenantFixture;
  let de: TenantFixture;
  const seconds: number[] = [];
  const log: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    [us, de] = await Promise.all([
      createTenantFixture(t, { timezone: 'America/New_York', defaultCountry: 'US' }),
      createTenantFixture(t, { timezone: 'Europe/Berlin', defaultCountry: 'DE' }),
    ]);
    for (const f of [us, de]) {
      await seedDemoTickets(forkForTenant(t.orm.em, f.tenant.id), f.tenant, () => undefined);
      const started = Date.now();
      await seedDemoSla(forkForTenant(t.orm.em, f.tenant.id), f.tenant, (m) => log.push(m));
      seconds.push((Date.now() - started) / 1000);
    }
  });
  afterAll(() => t.close());

  const get = (f: TenantFixture, path: string, query: Record<string, string> = {}) =>
    request(t.server).get(`/api/v1/${path}`).set(tokenFor(t, f.supervisor, f.tenant.id)).query({ range: '[0,999]', ...query }).expect(200);

  it('runs well within 20 s per tenant', () => {
    expect(Math.max(...seconds)).toBeLessThan(20);
    expect(log.join('\n')).toMatch(/5 SLA policies, SLA replayed on 1000 tickets/);
  });

  it('creates office hours in the tenant time zone with this year’s national holidays', async () => {
    const year = new Date().getFullYear();
    const [usCal, deCal] = await Promise.all([get(us, 'business-calendars'), get(de, 'business-calendars')]);
    expect(usCal.body).toHaveLength(1);
    expect(usCal.body[0]).toMatchObject({ name: 'Office hours', timezone: 'America/New_York' });
    expect(usCal.body[0].intervals.filter((i: { weekday: number }) => i.weekday === 1)).toEqual([
      { weekday: 1, start: '09:00', end: '12:30' },
      { weekday: 1, start: '13:30', end: '18:00' },
    ]);
    expect(usCal.body[0].intervals.some((i: { weekday: number }) => i.weekday === 0 || i.weekday === 6)).toBe(false);
    const names = (c: { holidays: { from: string; name: string }[] }) => c.holidays.filter((h) => h.from.startsWith(String(year))).map((h) => h.name);
    expect(names(usCal.body[0])).toEqual(expect.arrayContaining(['Thanksgiving Day', 'Independence Day', 'Labor Day']));
    expect(deCal.body[0]).toMatchObject({ timezone: 'Europe/Berlin' });
    expect(names(deCal.body[0])).toEqual(expect.arrayContaining(['Karfreitag', 'Ostermontag', 'Tag der Deutschen Einheit', 'Weihnachten']));
  });

  it('creates the five policies, the 24/7 callback policy first', async () => {
    const res = await get(us, 'sla-policies');
    expect(res.body.map((p: { name: string; position: number }) => [p.position, p.name])).toEqual([
      [0, 'Missed-call callback'], [1, 'Urgent'], [2, 'High'], [3, 'Normal'], [4, 'Low'],
    ]);
    expect(res.body[0]).toMatchObject({ tags: ['callback'], firstResponseMinutes: 30, calendarId: null });
    expect(res.body[1]).toMatchObject({ priorities: ['urgent'], firstResponseMinutes: 15, resolutionMinutes: 240 });
    expect(res.body[4]).toMatchObject({ priorities: ['low'], firstResponseMinutes: 480, resolutionMinutes: 72 * 60 });
    expect(res.body[4].calendarId).not.toBeNull();
  });

  it('replays every ticket: the demo shows met, breached, running and paused clocks with their log', async () => {
    for (const f of [us, de]) {
      const tickets = (await get(f, 'tickets', { range: '[0,999]' })).body as { status: string; slaPolicyId: string | null; slaPausedSince: string | null; sla: Record<string, { status: string } | null> }[];
      expect(tickets).toHaveLength(1000);
      expect(tickets.every((tk) => tk.slaPolicyId)).toBe(true);
      const statuses = new Set(tickets.flatMap((tk) => Object.values(tk.sla).filter((m) => m).map((m) => m!.status)));
      expect([...statuses].sort()).toEqual(['active', 'breached', 'met', 'paused']);
      const open = tickets.filter((tk) => ['new', 'open', 'pending'].includes(tk.status));
      expect(open.some((tk) => tk.sla.resolution!.status === 'active')).toBe(true);
      expect(tickets.filter((tk) => tk.status === 'pending').every((tk) => tk.slaPausedSince)).toBe(true);
      const events = await t.orm.em.getConnection().execute<{ kind: string; n: string }[]>(
        'select kind, count(*) as n from sla_events where tenant_id = ? group by kind',
        [f.tenant.id],
      );
      const byKind = Object.fromEntries(events.map((e) => [e.kind, Number(e.n)]));
      // (no seeded ticket ever leaves pending, so nothing resumes)
      for (const kind of ['applied', 'paused', 'warning', 'breached', 'met']) expect(byKind[kind]).toBeGreaterThan(0);
      const warnedOnly = await t.orm.em.getConnection().execute<{ n: string }[]>(
        `select count(distinct ticket_id) as n from sla_events w where tenant_id = ? and kind = 'warning'
            and not exists (select 1 from sla_events b where b.tenant_id = w.tenant_id and b.ticket_id = w.ticket_id and b.metric = w.metric and b.kind = 'breached')`,
        [f.tenant.id],
      );
      expect(Number(warnedOnly[0].n)).toBeGreaterThan(0);
    }
  });

  it('sorts tickets by their next SLA due time', async () => {
    const res = await get(us, 'tickets', { sort: '["slaNextDueAt","ASC"]', range: '[0,9]', filter: JSON.stringify({ status: ['new', 'open'] }) });
    const due = res.body.map((tk: { slaNextDueAt: string | null }) => tk.slaNextDueAt);
    expect(due.every((d: string | null) => d !== null)).toBe(true);
    expect([...due].sort()).toEqual(due);
  });
});
