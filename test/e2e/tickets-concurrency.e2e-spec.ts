import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Ticket } from '../../backend/src/tickets/ticket.entity';
import { TicketCounter } from '../../backend/src/tickets/ticket-counter.entity';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';

type Auth = Record<string, string>;

describe('tickets under concurrency', () => {
  let t: TestApp;
  let a: TenantFixture;

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const post = (auth: Auth, body: object) => request(t.server).post('/api/v1/tickets').set(auth).send(body);
  const put = (id: string, auth: Auth, body: object) => request(t.server).put(`/api/v1/tickets/${id}`).set(auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
  });
  afterAll(() => t.close());

  it('lets exactly one of 20 concurrent PUTs with the same version win; the other 19 get 409', async () => {
    const created = (await post(as(a.supervisor), { subject: 'Contended' }).expect(201)).body;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => put(created.id, as(i % 2 ? a.admin : a.supervisor), { version: 1, subject: `Writer ${i}`, priority: 'high' })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const winner = responses.find((r) => r.status === 200)!;
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.type.endsWith('version-conflict'))).toBe(true);

    const em = t.orm.em.fork();
    const row = await em.findOneOrFail(Ticket, created.id, { filters: false });
    expect(row).toMatchObject({ subject: winner.body.subject, version: 2, priority: 'high' });
    const updates = await em.find(AuditEvent, { resourceId: created.id, action: 'update' }, { filters: false });
    expect(updates).toHaveLength(1);
    expect(updates[0].changes).toEqual(expect.arrayContaining([{ field: 'subject', from: 'Contended', to: winner.body.subject }]));
    expect(await em.count(OutboxEvent, { resourceId: created.id, name: 'ticket.updated' }, { filters: false })).toBe(1);
  });

  it('gives 30 concurrent creates distinct, gap-free numbers from 1001', async () => {
    const c = await createTenantFixture(t);
    const members = [c.admin, c.supervisor, c.agent, c.agent2];
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => post(as(members[i % 4], c), { subject: `Rush ${i}` })));
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    const numbers = responses.map((r) => r.body.number as number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => 1001 + i));
    const counter = await t.orm.em.fork().findOneOrFail(TicketCounter, c.tenant.id);
    expect(counter.lastNumber).toBe(1030);
  });

  it('hands out no number for a create that fails, so the next one follows on without a gap', async () => {
    const c = await createTenantFixture(t);
    await post(as(c.admin, c), { subject: 'First' }).expect(201);
    await post(as(c.admin, c), { subject: 'Bad', assigneeId: a.agent.id }).expect(400);
    await post(as(c.agent, c), { subject: 'For someone else', assigneeId: c.agent2.id }).expect(403);
    const next = await post(as(c.admin, c), { subject: 'Second' }).expect(201);
    expect(next.body.number).toBe(1002);
  });

  it('rolls the number back with a create whose transaction fails after numbering', async () => {
    const c = await createTenantFixture(t);
    await post(as(c.admin, c), { subject: 'First' }).expect(201);
    const conn = t.orm.em.getConnection();
    // a subject the database refuses (after the counter was bumped in the same transaction)
    await conn.execute(`alter table tickets add constraint tickets_test_no_boom check (subject <> 'BOOM' or tenant_id <> '${c.tenant.id}')`);
    try {
      await post(as(c.admin, c), { subject: 'BOOM' }).expect(500);
    } finally {
      await conn.execute('alter table tickets drop constraint tickets_test_no_boom');
    }
    const next = await post(as(c.admin, c), { subject: 'Second' }).expect(201);
    expect(next.body.number).toBe(1002);
  });
});
