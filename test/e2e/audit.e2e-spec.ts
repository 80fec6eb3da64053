import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';

type Auth = Record<string, string>;
interface EventBody {
  id: string;
  action: string;
  resource: string;
  resourceId: string;
  actorId: string | null;
  actorType: string;
  changes: { field: string; from: unknown; to: unknown }[];
  occurredAt: string;
}

describe('audit-events resource', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  let ticketA: { id: string; number: number };
  let ticketB: { id: string };

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    api().get('/api/v1/audit-events').set(auth).query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const history = (auth: Auth, resourceId: string, extra: object = {}) => list(auth, { filter: { resource: 'tickets', resourceId, ...extra }, sort: ['occurredAt', 'ASC'] });

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    superAdmin = await createSuperAdmin(t);
    ticketA = (await api().post('/api/v1/tickets').set(as(a.agent)).send({ subject: 'Audited' }).expect(201)).body;
    await api().put(`/api/v1/tickets/${ticketA.id}`).set(as(a.supervisor)).send({ version: 1, status: 'open', priority: 'high' }).expect(200);
    await api().post('/api/v1/ticket-notes').set(as(a.agent)).send({ ticketId: ticketA.id, body: 'Hello' }).expect(201);
    ticketB = (await api().post('/api/v1/tickets').set(as(b.agent, b)).send({ subject: 'Other tenant' }).expect(201)).body;
  });
  afterAll(() => t.close());

  it.each(['admin', 'supervisor'] as const)('shows the %s a ticket’s history: who did what, field by field', async (role) => {
    const res = await history(as(a[role]), ticketA.id).expect(200);
    expect(res.headers['content-range']).toBe('audit-events 0-3/4');
    const events = res.body as EventBody[];
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'note', 'status', 'update']);
    const byAction = Object.fromEntries(events.map((e) => [e.action, e]));
    expect(byAction.create).toMatchObject({ actorId: a.agent.id, actorType: 'user', resource: 'tickets', resourceId: ticketA.id });
    expect(byAction.status).toMatchObject({ actorId: a.supervisor.id, changes: [{ field: 'status', from: 'new', to: 'open' }] });
    expect(byAction.update.changes).toEqual([{ field: 'priority', from: 'normal', to: 'high' }]);
    expect(byAction.note.changes[0]).toMatchObject({ field: 'note', from: null, to: { body: 'Hello', visibility: 'internal' } });
    expect(events.every((e) => !Number.isNaN(Date.parse(e.occurredAt)))).toBe(true);
    expect(events[0]).not.toHaveProperty('tenantId');
  });

  it('filters by action, actor ("me") and time, and sorts', async () => {
    const statusOnly = await history(as(a.admin), ticketA.id, { action: 'status' }).expect(200);
    expect(statusOnly.body.map((e: EventBody) => e.action)).toEqual(['status']);
    const mine = await list(as(a.supervisor), { filter: { actorId: 'me' } }).expect(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((e: EventBody) => e.actorId === a.supervisor.id)).toBe(true);
    const future = await list(as(a.admin), { filter: { occurredAt_gte: new Date(Date.now() + 60_000).toISOString() } }).expect(200);
    expect(future.body).toEqual([]);
    const newest = await list(as(a.admin), { range: [0, 0] }).expect(200);
    const all = await list(as(a.admin), { sort: ['occurredAt', 'ASC'], range: [0, 999] }).expect(200);
    expect(newest.body[0].occurredAt >= all.body.at(-1).occurredAt).toBe(true);
    await list(as(a.admin), { filter: { action: 'hack' } }).expect(400);
  });

  it('gets one event', async () => {
    const [first] = (await history(as(a.admin), ticketA.id).expect(200)).body as EventBody[];
    const res = await api().get(`/api/v1/audit-events/${first.id}`).set(as(a.supervisor)).expect(200);
    expect(res.body).toEqual(first);
  });

  it('lets a super admin read the chosen tenant’s history', async () => {
    const res = await history({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id }, ticketA.id).expect(200);
    expect(res.body).toHaveLength(4);
  });

  it('refuses agents with 403', async () => {
    const [first] = (await history(as(a.admin), ticketA.id).expect(200)).body as EventBody[];
    for (const m of [a.agent, a.agent2]) {
      await history(as(m), ticketA.id).expect(403);
      await api().get(`/api/v1/audit-events/${first.id}`).set(as(m)).expect(403);
    }
  });

  it('never shows another tenant’s events, in lists, totals or by id', async () => {
    const bEvents = await t.orm.em.fork().find(AuditEvent, { tenantId: b.tenant.id }, { filters: false });
    expect(bEvents.length).toBeGreaterThan(0);
    await api().get(`/api/v1/audit-events/${bEvents[0].id}`).set(as(a.admin)).expect(404);
    const probe = await history(as(a.admin), ticketB.id).expect(200);
    expect(probe.body).toEqual([]);
    expect(probe.headers['content-range']).toBe('audit-events */0');
    const all = await list(as(a.admin), { range: [0, 999] }).expect(200);
    const total = await t.orm.em.fork().count(AuditEvent, { tenantId: a.tenant.id }, { filters: false });
    expect(all.headers['x-total-count']).toBe(String(total));
    expect(all.body.map((e: EventBody) => e.id)).not.toEqual(expect.arrayContaining([bEvents[0].id]));
  });

  it('has no routes that change the trail', async () => {
    const [first] = (await history(as(a.admin), ticketA.id).expect(200)).body as EventBody[];
    await api().post('/api/v1/audit-events').set(as(a.admin)).send({ resource: 'tickets' }).expect(404);
    await api().put(`/api/v1/audit-events/${first.id}`).set(as(a.admin)).send({ action: 'delete' }).expect(404);
    await api().delete(`/api/v1/audit-events/${first.id}`).set(as(a.admin)).expect(404);
    const again = await api().get(`/api/v1/audit-events/${first.id}`).set(as(a.admin)).expect(200);
    expect(again.body).toEqual(first);
  });

  it('is append-only in the database too: UPDATE and DELETE fail, whoever runs them', async () => {
    const conn = t.orm.em.getConnection();
    const [event] = await t.orm.em.fork().find(AuditEvent, { resourceId: ticketA.id }, { filters: false, limit: 1 });
    await expect(conn.execute("update audit_events set action = 'delete' where id = ?", [event.id])).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from audit_events where id = ?', [event.id])).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from audit_events where tenant_id = ?', [a.tenant.id])).rejects.toThrow(/append-only/);
    const after = await t.orm.em.fork().findOneOrFail(AuditEvent, event.id, { filters: false });
    expect(after.action).toBe(event.action);
    await conn.execute(
      "insert into audit_events (id, tenant_id, actor_type, resource, resource_id, action, changes) values (gen_random_uuid(), ?, 'system', 'tickets', ?, 'update', '[]')",
      [a.tenant.id, ticketA.id],
    );
  });
});
