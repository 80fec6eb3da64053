import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Ticket } from '../../backend/src/tickets/ticket.entity';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import { Notification } from '../../backend/src/notifications/notification.entity';

type Auth = Record<string, string>;

describe('PATCH /tickets/bulk', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  let seq = 0;

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const bulk = (auth: Auth, body: object) => request(t.server).patch('/api/v1/tickets/bulk').set(auth).send(body);
  const put = (id: string, auth: Auth, body: object) => request(t.server).put(`/api/v1/tickets/${id}`).set(auth).send(body);
  const rows = (ids: string[]) => t.orm.em.fork().find(Ticket, { id: { $in: ids } }, { filters: false, orderBy: { number: 'asc' } });
  /** Everything the batch could have changed, to compare before and after a refused one. */
  const state = async (ids: string[]) => {
    const em = t.orm.em.fork();
    return {
      tickets: (await rows(ids)).map((r) => [r.id, r.status, r.priority, r.assigneeId, r.version]),
      audit: await em.count(AuditEvent, { resourceId: { $in: ids } }, { filters: false }),
      outbox: await em.count(OutboxEvent, { resourceId: { $in: ids } }, { filters: false }),
      notifications: await em.count(Notification, { resourceId: { $in: ids } }, { filters: false }),
    };
  };

  async function tickets(n: number, body: object = {}, f: TenantFixture = a): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await request(t.server).post('/api/v1/tickets').set(as(f.supervisor, f)).send({ subject: `Bulk ${++seq}`, ...body }).expect(201)).body.id);
    }
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    superAdmin = await createSuperAdmin(t);
  });
  afterAll(() => t.close());

  it.each(['admin', 'supervisor'] as const)('lets the %s change status, priority and assignee of many tickets at once', async (role) => {
    const ids = await tickets(3);
    const res = await bulk(as(a[role]), { ids, changes: { status: 'open', priority: 'urgent', assigneeId: a.agent.id } }).expect(200);
    expect(res.body).toHaveLength(3);
    expect(res.body.every((r: { status: string; version: number }) => r.status === 'open' && r.version === 2)).toBe(true);
    expect((await rows(ids)).map((r) => [r.status, r.priority, r.assigneeId])).toEqual(Array(3).fill(['open', 'urgent', a.agent.id]));
    const em = t.orm.em.fork();
    for (const id of ids) {
      const actions = (await em.find(AuditEvent, { resourceId: id }, { filters: false })).map((e) => e.action).sort();
      expect(actions).toEqual(['assign', 'create', 'status', 'update']);
      expect((await em.find(OutboxEvent, { resourceId: id }, { filters: false, orderBy: { seq: 'asc' } })).map((e) => e.name)).toEqual(['ticket.created', 'ticket.updated']);
    }
    expect(await em.count(Notification, { resourceId: { $in: ids }, userId: a.agent.id, type: 'ticket.assigned' }, { filters: false })).toBe(3);
  });

  it('lets a super admin bulk-change in the chosen tenant', async () => {
    const ids = await tickets(2);
    await bulk({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id }, { ids, changes: { priority: 'low' } }).expect(200);
    expect((await rows(ids)).map((r) => r.priority)).toEqual(['low', 'low']);
  });

  it('changes nothing when one ticket cannot make the transition, and names it (422)', async () => {
    const ids = await tickets(3);
    const [closed] = ids;
    await put(closed, as(a.admin), { version: 1, status: 'resolved' }).expect(200);
    await put(closed, as(a.admin), { version: 2, status: 'closed' }).expect(200);
    const before = await state(ids);
    const res = await bulk(as(a.supervisor), { ids, changes: { status: 'pending', priority: 'high' } }).expect(422);
    expect(res.body.type).toContain('illegal-transition');
    expect(res.body.ids).toEqual([closed]);
    expect(res.body.failures).toEqual([expect.objectContaining({ id: closed, status: 422, code: 'illegal-transition' })]);
    const number = (await rows([closed]))[0].number;
    expect(res.body.message).toContain(`#${number}`);
    expect(res.body.message).toMatch(/^Nothing was changed/);
    expect(await state(ids)).toEqual(before);
  });

  it('changes nothing when an agent may not change one of the tickets (403), naming it', async () => {
    const [open1, open2] = await tickets(2);
    const [theirs] = await tickets(1, { assigneeId: a.agent2.id });
    const ids = [open1, theirs, open2];
    const before = await state(ids);
    const res = await bulk(as(a.agent), { ids, changes: { assigneeId: a.agent.id } }).expect(403);
    expect(res.body.ids).toEqual([theirs]);
    expect(await state(ids)).toEqual(before);
  });

  it('lets an agent take unassigned tickets in bulk, but not hand them to a colleague', async () => {
    const ids = await tickets(2);
    await bulk(as(a.agent), { ids, changes: { assigneeId: a.agent2.id } }).expect(403);
    await bulk(as(a.agent), { ids, changes: { assigneeId: a.agent.id, status: 'open' } }).expect(200);
    expect((await rows(ids)).map((r) => [r.assigneeId, r.status])).toEqual([[a.agent.id, 'open'], [a.agent.id, 'open']]);
    expect(await t.orm.em.fork().count(Notification, { resourceId: { $in: ids } }, { filters: false })).toBe(0);
  });

  it('changes nothing when an id is another tenant’s (404), naming only that id', async () => {
    const mine = await tickets(2);
    const [theirs] = await tickets(1, {}, b);
    const ids = [...mine, theirs];
    const before = await state(ids);
    const res = await bulk(as(a.admin), { ids, changes: { priority: 'high' } }).expect(404);
    expect(res.body.ids).toEqual([theirs]);
    expect(res.body.message).toContain(theirs);
    expect(await state(ids)).toEqual(before);
  });

  it('refuses an assignee from another tenant with 400', async () => {
    const ids = await tickets(1);
    const res = await bulk(as(a.admin), { ids, changes: { assigneeId: b.agent.id } }).expect(400);
    expect(res.body.errors.assigneeId).toBeDefined();
  });

  it('unassigns with assigneeId null', async () => {
    const ids = await tickets(2, { assigneeId: a.agent2.id });
    await bulk(as(a.supervisor), { ids, changes: { assigneeId: null } }).expect(200);
    expect((await rows(ids)).map((r) => r.assigneeId)).toEqual([null, null]);
  });

  it.each([
    ['no ids', { ids: [], changes: { priority: 'low' } }, 'ids'],
    ['more than 500 ids', { ids: Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), changes: { priority: 'low' } }, 'ids'],
    ['repeated ids', { ids: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'], changes: { priority: 'low' } }, 'ids'],
    ['a malformed id', { ids: ['nope'], changes: { priority: 'low' } }, 'ids'],
    ['no changes', { ids: ['00000000-0000-4000-8000-000000000001'], changes: {} }, 'changes'],
    ['missing changes', { ids: ['00000000-0000-4000-8000-000000000001'] }, 'changes'],
    ['a bad status', { ids: ['00000000-0000-4000-8000-000000000001'], changes: { status: 'done' } }, 'changes.status'],
  ])('refuses %s with a 400', async (_label, body, field) => {
    const res = await bulk(as(a.admin), body).expect(400);
    expect(Object.keys(res.body.errors)).toContain(field);
  });

  it('needs a login', async () => {
    await request(t.server).patch('/api/v1/tickets/bulk').send({ ids: [], changes: {} }).expect(401);
  });
});
