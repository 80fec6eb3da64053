import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { seedDemoTickets } from '../../backend/src/tickets/tickets.seed';
import { Ticket } from '../../backend/src/tickets/ticket.entity';
import { TicketNote } from '../../backend/src/ticket-notes/ticket-note.entity';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';
import { TicketCounter } from '../../backend/src/tickets/ticket-counter.entity';

describe('demo ticket seeding', () => {
  let t: TestApp;
  let f: TenantFixture;
  let other: TenantFixture;
  let seconds: number;
  const log: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = await createTenantFixture(t, { defaultCountry: 'DE' });
    other = await createTenantFixture(t);
    const started = Date.now();
    await seedDemoTickets(forkForTenant(t.orm.em, f.tenant.id), f.tenant, (m) => log.push(m));
    seconds = (Date.now() - started) / 1000;
  });
  afterAll(() => t.close());

  it('inserts 1,000 tickets with notes and history into that tenant only, in well under 10 s', async () => {
    const em = t.orm.em.fork();
    expect(seconds).toBeLessThan(10);
    expect(await em.count(Ticket, { tenantId: f.tenant.id }, { filters: false })).toBe(1000);
    const notes = await em.count(TicketNote, { tenantId: f.tenant.id }, { filters: false });
    expect(notes).toBeGreaterThan(1000);
    expect(await em.count(AuditEvent, { tenantId: f.tenant.id, action: 'create' }, { filters: false })).toBe(1000);
    expect(await em.count(AuditEvent, { tenantId: f.tenant.id, action: 'note' }, { filters: false })).toBe(notes);
    expect(await em.count(Ticket, { tenantId: other.tenant.id }, { filters: false })).toBe(0);
    expect(log.join('\n')).toMatch(/1000 tickets/);
  });

  it('sets the counter, so the next ticket through the API is #2001', async () => {
    expect((await t.orm.em.fork().findOneOrFail(TicketCounter, f.tenant.id)).lastNumber).toBe(2000);
    const res = await request(t.server).post('/api/v1/tickets').set(tokenFor(t, f.agent, f.tenant.id)).send({ subject: 'After the seed' }).expect(201);
    expect(res.body.number).toBe(2001);
  });

  it('assigns tickets to the tenant’s staff and serves them through the API, searchable', async () => {
    const em = t.orm.em.fork();
    const staff = new Set([f.admin.id, f.supervisor.id, f.agent.id, f.agent2.id]);
    const assignees = await em.getConnection().execute<{ assignee_id: string }[]>('select distinct assignee_id from tickets where tenant_id = ? and assignee_id is not null', [f.tenant.id]);
    expect(assignees.length).toBeGreaterThan(1);
    expect(assignees.every((r) => staff.has(r.assignee_id))).toBe(true);
    const sample = await em.findOneOrFail(Ticket, { tenantId: f.tenant.id, requesterPhone: { $ne: null } }, { filters: false, orderBy: { number: 'desc' } });
    const auth = tokenFor(t, f.supervisor, f.tenant.id);
    const digits = sample.requesterPhone!.slice(-7);
    const found = await request(t.server).get('/api/v1/tickets').set(auth).query({ filter: JSON.stringify({ q: digits }), range: '[0,99]' }).expect(200);
    expect(found.body.map((r: { id: string }) => r.id)).toContain(sample.id);
    const history = await request(t.server).get('/api/v1/audit-events').set(auth).query({ filter: JSON.stringify({ resource: 'tickets', resourceId: sample.id }) }).expect(200);
    expect(history.body[history.body.length - 1].action).toBe('create');
    const page = await request(t.server).get('/api/v1/tickets').set(auth).query({ range: '[0,24]' }).expect(200);
    expect(page.headers['content-range']).toBe('tickets 0-24/1001');
  });
});
