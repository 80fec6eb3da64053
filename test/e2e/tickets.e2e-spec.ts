import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Ticket } from '../../backend/src/tickets/ticket.entity';
import { TicketNote } from '../../backend/src/ticket-notes/ticket-note.entity';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import { Notification } from '../../backend/src/notifications/notification.entity';
import { TICKET_LIST } from '../../backend/src/tickets/tickets.service';

type Auth = Record<string, string>;
interface TicketBody {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  assigneeId: string | null;
  version: number;
  resolvedAt: string | null;
  closedAt: string | null;
  [field: string]: unknown;
}

describe('tickets resource', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  let seq = 0;

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const post = (auth: Auth, body: object) => api().post('/api/v1/tickets').set(auth).send(body);
  const put = (id: string, auth: Auth, body: object) => api().put(`/api/v1/tickets/${id}`).set(auth).send(body);
  const del = (id: string, auth: Auth) => api().delete(`/api/v1/tickets/${id}`).set(auth).set('Content-Type', 'text/plain');
  const getOne = (id: string, auth: Auth) => api().get(`/api/v1/tickets/${id}`).set(auth);
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    api().get('/api/v1/tickets').set(auth).query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const stored = (id: string) => t.orm.em.fork().findOne(Ticket, id, { filters: false });
  const outbox = (resourceId: string) => t.orm.em.fork().find(OutboxEvent, { resourceId }, { filters: false, orderBy: { seq: 'asc' } });
  const audit = (resourceId: string) =>
    t.orm.em.fork().find(AuditEvent, { resourceId }, { filters: false, orderBy: { occurredAt: 'asc', action: 'asc' } });
  const tenantRows = async (f: TenantFixture) => {
    const em = t.orm.em.fork();
    const where = { tenantId: f.tenant.id };
    return {
      tickets: await em.count(Ticket, where, { filters: false }),
      audit: await em.count(AuditEvent, where, { filters: false }),
      outbox: await em.count(OutboxEvent, where, { filters: false }),
    };
  };

  /** A ticket created through the API by `who` (default: the supervisor of `f`). */
  async function ticket(f: TenantFixture = a, body: object = {}, who: StaffMember = f.supervisor): Promise<TicketBody> {
    const res = await post(as(who, f), { subject: `Ticket ${++seq}`, ...body }).expect(201);
    return res.body as TicketBody;
  }

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t, { defaultCountry: 'US' });
    b = await createTenantFixture(t, { defaultCountry: 'DE' });
    superAdmin = await createSuperAdmin(t);
  });
  afterAll(() => t.close());

  describe('POST /tickets', () => {
    it.each(['admin', 'supervisor', 'agent'] as const)('lets the %s create a ticket that starts as new', async (role) => {
      const res = await post(as(a[role]), { subject: '  Printer on fire  ', priority: 'high', tags: [' VIP', 'vip', 'Billing '] }).expect(201);
      expect(res.body).toMatchObject({
        subject: 'Printer on fire',
        status: 'new',
        priority: 'high',
        channel: 'phone',
        tags: ['vip', 'billing'],
        assigneeId: null,
        version: 1,
        firstRespondedAt: null,
        resolvedAt: null,
        closedAt: null,
      });
      expect(res.body.number).toBeGreaterThanOrEqual(1001);
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      expect(res.body).not.toHaveProperty('search');
      expect(res.body).not.toHaveProperty('tenantId');
      expect((await stored(res.body.id))?.tenantId).toBe(a.tenant.id);
    });

    it('lets a super admin create in the tenant chosen with X-Tenant-Id, and refuses without one', async () => {
      const res = await post({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': b.tenant.id }, { subject: 'From the operator' }).expect(201);
      expect((await stored(res.body.id))?.tenantId).toBe(b.tenant.id);
      const refused = await post(tokenFor(t, superAdmin, null), { subject: 'Nowhere' }).expect(400);
      expect(refused.body.type).toContain('tenant-required');
    });

    it('numbers each tenant separately from 1001, ignoring a number, status or tenantId in the body', async () => {
      const c = await createTenantFixture(t);
      const first = await post(as(c.admin, c), { subject: 'One', number: 5, status: 'closed', tenantId: a.tenant.id }).expect(201);
      const second = await post(as(c.agent, c), { subject: 'Two' }).expect(201);
      expect([first.body.number, second.body.number]).toEqual([1001, 1002]);
      expect(first.body.status).toBe('new');
      expect((await stored(first.body.id))?.tenantId).toBe(c.tenant.id);
    });

    it('normalises the requester phone with the tenant country and lower-cases the email', async () => {
      const us = await ticket(a, { requesterPhone: '(201) 555-0123', requesterEmail: ' Ann@Example.COM ', requesterName: 'Ann Lee' });
      expect(us).toMatchObject({ requesterPhone: '+12015550123', requesterEmail: 'ann@example.com', requesterName: 'Ann Lee' });
      const de = await ticket(b, { requesterPhone: '030 1234567' });
      expect(de.requesterPhone).toBe('+49301234567');
    });

    it.each([
      ['no subject', {}, 'subject'],
      ['a blank subject', { subject: '   ' }, 'subject'],
      ['an unknown priority', { subject: 'x', priority: 'asap' }, 'priority'],
      ['an unknown channel', { subject: 'x', channel: 'fax' }, 'channel'],
      ['a phone that is not one', { subject: 'x', requesterPhone: 'call me' }, 'requesterPhone'],
      ['a bad email', { subject: 'x', requesterEmail: 'nope' }, 'requesterEmail'],
      ['non-string tags', { subject: 'x', tags: [1] }, 'tags'],
      ['a non-uuid assignee', { subject: 'x', assigneeId: 'bob' }, 'assigneeId'],
      ['a description over 20,000 characters', { subject: 'x', description: 'a'.repeat(20_001) }, 'description'],
    ])('refuses %s with a 400 naming the field, and writes nothing', async (_label, body, field) => {
      const before = await tenantRows(a);
      const res = await post(as(a.admin), body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(await tenantRows(a)).toEqual(before);
    });

    it("refuses another tenant's user as assignee, and a deactivated one", async () => {
      const res = await post(as(a.admin), { subject: 'x', assigneeId: b.agent.id }).expect(400);
      expect(res.body.errors.assigneeId).toBeDefined();
      const em = t.orm.em.fork();
      const c = await createTenantFixture(t);
      await em.getConnection().execute('update users set active = false where id = ?', [c.agent2.id]);
      await post(as(c.admin, c), { subject: 'x', assigneeId: c.agent2.id }).expect(400);
    });

    it('lets an agent create a ticket assigned to themselves but not to a colleague', async () => {
      const before = await tenantRows(a);
      await post(as(a.agent), { subject: 'For my colleague', assigneeId: a.agent2.id }).expect(403);
      expect(await tenantRows(a)).toEqual(before);
      const own = await post(as(a.agent), { subject: 'Mine', assigneeId: a.agent.id }).expect(201);
      expect(own.body.assigneeId).toBe(a.agent.id);
    });

    it('records the creation in the audit trail and the outbox, and notifies an assignee who did not assign themselves', async () => {
      const created = await ticket(a, { subject: 'Broken headset', assigneeId: a.agent.id }, a.supervisor);
      const events = await audit(created.id);
      expect(events.map((e) => [e.action, e.actorId, e.actorType, e.resource])).toEqual([['create', a.supervisor.id, 'user', 'tickets']]);
      expect(events[0].changes).toEqual(
        expect.arrayContaining([
          { field: 'number', from: null, to: created.number },
          { field: 'subject', from: null, to: 'Broken headset' },
          { field: 'assigneeId', from: null, to: a.agent.id },
        ]),
      );
      const published = await outbox(created.id);
      expect(published.map((e) => e.name)).toEqual(['ticket.created']);
      expect(published[0]).toMatchObject({ tenantId: a.tenant.id, subject: 'Ticket' });
      expect(published[0].payload).toMatchObject({ id: created.id, number: created.number, subject: 'Broken headset', status: 'new', assigneeId: a.agent.id });
      const notes = await t.orm.em.fork().find(Notification, { resourceId: created.id }, { filters: false });
      expect(notes.map((n) => [n.userId, n.type])).toEqual([[a.agent.id, 'ticket.assigned']]);

      const mine = await ticket(a, { assigneeId: a.agent.id }, a.agent);
      expect(await t.orm.em.fork().count(Notification, { resourceId: mine.id }, { filters: false })).toBe(0);
    });
  });

  describe('GET /tickets', () => {
    let tagged: TicketBody;
    let onlyB: TicketBody;
    beforeAll(async () => {
      tagged = await ticket(a, { subject: 'Tagged one', tags: ['zebra', 'lion'], priority: 'urgent', channel: 'email', assigneeId: a.agent2.id });
      onlyB = await ticket(b, { subject: 'Tagged in B', tags: ['zebra'] });
    });

    it('lists only the own tenant, with Content-Range and X-Total-Count counting only it', async () => {
      const res = await list(as(a.agent), { range: [0, 999] }).expect(200);
      const total = await t.orm.em.fork().count(Ticket, { tenantId: a.tenant.id }, { filters: false });
      expect(res.headers['content-range']).toBe(`tickets 0-${total - 1}/${total}`);
      expect(res.headers['x-total-count']).toBe(String(total));
      expect(res.body.map((r: TicketBody) => r.id)).not.toContain(onlyB.id);
    });

    it('sorts by updatedAt descending by default', async () => {
      const res = await list(as(a.admin), { range: [0, 999] }).expect(200);
      const times = res.body.map((r: TicketBody) => Date.parse(r.updatedAt as string));
      expect(times).toEqual([...times].sort((x, y) => y - x));
    });

    it.each(TICKET_LIST.sortable.map((f) => [f]))('sorts by %s both ways', async (field) => {
      const asc = await list(as(a.admin), { sort: [field, 'ASC'], range: [0, 999] }).expect(200);
      const desc = await list(as(a.admin), { sort: [field, 'DESC'], range: [0, 999] }).expect(200);
      expect(asc.body.length).toBe(desc.body.length);
      expect(asc.body.map((r: TicketBody) => r.id)).toEqual(desc.body.map((r: TicketBody) => r.id).reverse());
    });

    it('sorts priorities by urgency, not alphabetically', async () => {
      const res = await list(as(a.admin), { sort: ['priority', 'DESC'], range: [0, 0] }).expect(200);
      expect(res.body[0].priority).toBe('urgent');
    });

    it('filters by status, priority, channel, tags (any of), assignee, "me" and unassigned', async () => {
      const ids = async (filter: object) => (await list(as(a.agent2), { filter, range: [0, 999] }).expect(200)).body.map((r: TicketBody) => r.id);
      expect(await ids({ tags: ['lion', 'nope'] })).toEqual([tagged.id]);
      expect(await ids({ tags: 'zebra' })).toEqual([tagged.id]);
      expect(await ids({ priority: 'urgent', channel: 'email' })).toEqual([tagged.id]);
      expect(await ids({ assigneeId: 'me' })).toEqual([tagged.id]);
      expect(await ids({ assigneeId: a.agent2.id })).toEqual([tagged.id]);
      expect(await ids({ assigneeId: null })).not.toContain(tagged.id);
      expect((await ids({ assigneeId: null })).length).toBeGreaterThan(0);
      expect(await ids({ status: ['open', 'closed'], tags: ['zebra'] })).toEqual([]);
      expect(await ids({ id: [tagged.id, onlyB.id] })).toEqual([tagged.id]);
    });

    it('filters by creation and update time ranges', async () => {
      const after = new Date(Date.parse(tagged.createdAt as string) - 1).toISOString();
      const res = await list(as(a.admin), { filter: { createdAt_gte: after, updatedAt_lte: new Date(Date.now() + 60_000).toISOString() }, range: [0, 999] }).expect(200);
      expect(res.body.map((r: TicketBody) => r.id)).toContain(tagged.id);
      expect(res.body.every((r: TicketBody) => (r.createdAt as string) >= after)).toBe(true);
    });

    it.each([
      ['an unknown filter', { filter: { subject: 'x' } }, 'filter.subject'],
      ['a bad status', { filter: { status: 'done' } }, 'filter.status'],
      ['a bad sort field', { sort: ['search', 'ASC'] }, 'sort'],
    ])('refuses %s with a 400', async (_label, query, key) => {
      const res = await list(as(a.admin), query).expect(400);
      expect(Object.keys(res.body.errors)).toEqual([key]);
    });
  });

  describe('search (q)', () => {
    let refund: TicketBody;
    let phoneTicket: TicketBody;
    beforeAll(async () => {
      refund = await ticket(a, { subject: 'Refund for order 7781', description: 'Customer wants the money back', requesterName: 'Zoë Quimby' });
      phoneTicket = await ticket(a, { subject: 'Callback please', requesterPhone: '+1 415 555 0199', requesterEmail: 'hank@hill.example' });
      await ticket(b, { subject: 'Refund in Berlin' });
    });

    const search = async (q: string, f: TenantFixture = a) =>
      (await list(as(f.agent, f), { filter: { q }, range: [0, 999] }).expect(200)).body.map((r: TicketBody) => r.id) as string[];

    it('finds a ticket by its number, with or without #', async () => {
      expect(await search(`#${refund.number}`)).toEqual([refund.id]);
      expect(await search(String(refund.number))).toContain(refund.id);
    });

    it('finds by whole words and word prefixes of subject, description and requester, accents included', async () => {
      expect(await search('refund')).toEqual([refund.id]);
      const counted = await list(as(a.agent), { filter: { q: 'refu' } }).expect(200);
      expect(counted.headers['content-range']).toBe('tickets 0-0/1');
      expect(await search('REFU')).toEqual([refund.id]);
      expect(await search('money back')).toEqual([refund.id]);
      expect(await search('zoë')).toEqual([refund.id]);
      expect(await search('quim')).toEqual([refund.id]);
      expect(await search('hank@hill.example')).toEqual([phoneTicket.id]);
      expect(await search('refund -money')).toEqual([]);
    });

    it('finds by requester phone digits, whole or partial, in any format', async () => {
      for (const q of ['+14155550199', '4155550199', '415 555 0199', '(415) 555-0199', '5550199', '555-0199', '41555']) {
        expect([q, await search(q)]).toEqual([q, [phoneTicket.id]]);
      }
    });

    it('does not find another tenant’s tickets, and survives tsquery syntax in q', async () => {
      expect(await search('berlin')).toEqual([]);
      expect(await search('refund', b)).toHaveLength(1);
      for (const q of ["'", ':*', '&|!()', 'a:* & b', '\\', '"unterminated', '#', 'refund)) | ((1']) await search(q);
    });
  });

  describe('who may do what (DESIGN.md §3)', () => {
    const superAuth = () => ({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id });

    it('lets every role of the tenant, and a super admin who chose it, list and read tickets', async () => {
      const created = await ticket(a, { assigneeId: a.agent2.id });
      for (const auth of [as(a.admin), as(a.supervisor), as(a.agent), as(a.agent2), superAuth()]) {
        const res = await list(auth, { range: [0, 999] }).expect(200);
        expect(res.body.map((r: TicketBody) => r.id)).toContain(created.id);
        await getOne(created.id, auth).expect(200);
      }
      const noTenant = await list(tokenFor(t, superAdmin, null)).expect(400);
      expect(noTenant.body.type).toContain('tenant-required');
    });

    it('lets org admins, supervisors and super admins update any ticket; agents only their own or unassigned ones', async () => {
      const theirs = await ticket(a, { assigneeId: a.agent2.id });
      let version = 1;
      for (const auth of [as(a.admin), as(a.supervisor), superAuth()]) {
        await put(theirs.id, auth, { version, priority: version % 2 ? 'high' : 'low' }).expect(200);
        version++;
      }
      await put(theirs.id, as(a.agent), { version, priority: 'urgent' }).expect(403);
      await put(theirs.id, as(a.agent2), { version, priority: 'urgent' }).expect(200);
    });
  });

  describe('GET /tickets/:id', () => {
    it('returns the ticket with its version as ETag', async () => {
      const created = await ticket();
      const res = await getOne(created.id, as(a.agent)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, number: created.number, version: 1 });
      expect(res.headers.etag).toBe('"1"');
    });

    it('answers 404 for another tenant’s ticket, a missing one and a malformed id', async () => {
      const other = await ticket(b);
      await getOne(other.id, as(a.admin)).expect(404);
      await getOne('00000000-0000-4000-8000-000000000000', as(a.admin)).expect(404);
      await getOne('1001', as(a.admin)).expect(404);
    });

    it('answers 401 without a token', async () => {
      const created = await ticket();
      await api().get(`/api/v1/tickets/${created.id}`).expect(401);
      await api().get('/api/v1/tickets').expect(401);
    });
  });

  describe('PUT /tickets/:id', () => {
    it('updates whitelisted fields from a whole react-admin record, ignoring read-only ones', async () => {
      const created = await ticket();
      const record = (await getOne(created.id, as(a.admin))).body;
      const res = await put(created.id, as(a.admin), {
        ...record,
        subject: 'Renamed',
        priority: 'low',
        tags: ['a'],
        number: 1,
        createdAt: '2000-01-01T00:00:00Z',
        firstRespondedAt: '2000-01-01T00:00:00Z',
        callLogId: '00000000-0000-4000-8000-000000000000',
      }).expect(200);
      expect(res.body).toMatchObject({ subject: 'Renamed', priority: 'low', tags: ['a'], number: created.number, version: 2, firstRespondedAt: null, callLogId: null });
      expect(res.headers.etag).toBe('"2"');
      expect(res.body.createdAt).toBe(created.createdAt);
    });

    it('accepts the version as If-Match instead of in the body', async () => {
      const created = await ticket();
      await put(created.id, { ...as(a.admin), 'If-Match': '"1"' }, { subject: 'Via If-Match' }).expect(200);
      const stale = await put(created.id, { ...as(a.admin), 'If-Match': '"1"' }, { subject: 'Stale' }).expect(409);
      expect(stale.body.type).toContain('version-conflict');
      await put(created.id, { ...as(a.admin), 'If-Match': '"2"' }, { version: 1, subject: 'Mixed' }).expect(409);
      await put(created.id, { ...as(a.admin), 'If-Match': 'W/"1"' }, { subject: 'Weak stale' }).expect(409);
      expect((await stored(created.id))?.subject).toBe('Via If-Match');
    });

    it('refuses a stale version with 409, changing nothing and writing no audit or outbox rows', async () => {
      const created = await ticket();
      await put(created.id, as(a.admin), { version: 1, subject: 'First' }).expect(200);
      const before = await tenantRows(a);
      const res = await put(created.id, as(a.admin), { version: 1, subject: 'Second', status: 'open' }).expect(409);
      expect(res.body).toMatchObject({ status: 409, type: expect.stringContaining('version-conflict'), message: expect.any(String) });
      expect(await stored(created.id)).toMatchObject({ subject: 'First', status: 'new', version: 2 });
      expect(await tenantRows(a)).toEqual(before);
    });

    it('requires a version', async () => {
      const created = await ticket();
      const res = await put(created.id, as(a.admin), { subject: 'No version' }).expect(400);
      expect(res.body.errors.version).toBeDefined();
      await put(created.id, { ...as(a.admin), 'If-Match': 'banana' }, { subject: 'x' }).expect(400);
    });

    it('keeps the version when nothing changes, and writes no history for it', async () => {
      const created = await ticket();
      const record = (await getOne(created.id, as(a.admin))).body;
      const res = await put(created.id, as(a.admin), record).expect(200);
      expect(res.body.version).toBe(1);
      expect((await audit(created.id)).map((e) => e.action)).toEqual(['create']);
      expect((await outbox(created.id)).map((e) => e.name)).toEqual(['ticket.created']);
    });

    it('writes one audit event per kind of change and one ticket.updated event', async () => {
      const created = await ticket(a, { subject: 'Before' });
      await put(created.id, as(a.supervisor), { version: 1, subject: 'After', priority: 'urgent', status: 'open', assigneeId: a.agent.id }).expect(200);
      const events = await audit(created.id);
      const byAction = Object.fromEntries(events.map((e) => [e.action, e.changes]));
      expect(Object.keys(byAction).sort()).toEqual(['assign', 'create', 'status', 'update']);
      expect(byAction.update).toEqual([
        { field: 'subject', from: 'Before', to: 'After' },
        { field: 'priority', from: 'normal', to: 'urgent' },
      ]);
      expect(byAction.status).toEqual([{ field: 'status', from: 'new', to: 'open' }]);
      expect(byAction.assign).toEqual([{ field: 'assigneeId', from: null, to: a.agent.id }]);
      expect(events.every((e) => e.actorId === a.supervisor.id && e.tenantId === a.tenant.id)).toBe(true);
      const published = await outbox(created.id);
      expect(published.map((e) => e.name)).toEqual(['ticket.created', 'ticket.updated']);
      expect(published[1].payload).toMatchObject({ subject: 'After', status: 'open', assigneeId: a.agent.id, changed: expect.arrayContaining(['subject', 'status']) });
      const notes = await t.orm.em.fork().find(Notification, { resourceId: created.id }, { filters: false });
      expect(notes.map((n) => n.userId)).toEqual([a.agent.id]);
    });

    it('clears a field with null', async () => {
      const created = await ticket(a, { description: 'Text', requesterPhone: '(201) 555-0124' });
      const res = await put(created.id, as(a.admin), { version: 1, description: null, requesterPhone: '' }).expect(200);
      expect(res.body).toMatchObject({ description: null, requesterPhone: null });
    });

    describe('as an agent', () => {
      it('may edit an unassigned ticket and one assigned to them', async () => {
        const open = await ticket();
        await put(open.id, as(a.agent), { version: 1, subject: 'Agent edit' }).expect(200);
        const mine = await ticket(a, { assigneeId: a.agent.id });
        await put(mine.id, as(a.agent), { version: 1, status: 'pending' }).expect(200);
      });

      it('may not touch a ticket assigned to someone else (403, unchanged)', async () => {
        const theirs = await ticket(a, { assigneeId: a.agent2.id });
        const res = await put(theirs.id, as(a.agent), { version: 1, subject: 'Hijack' }).expect(403);
        expect(res.body.type).toContain('forbidden');
        expect(await stored(theirs.id)).toMatchObject({ subject: theirs.subject, version: 1 });
      });

      it('may take an unassigned ticket and unassign themselves, but not assign a colleague', async () => {
        const open = await ticket();
        const taken = await put(open.id, as(a.agent), { version: 1, assigneeId: a.agent.id }).expect(200);
        expect(taken.body.assigneeId).toBe(a.agent.id);
        expect(await t.orm.em.fork().count(Notification, { resourceId: open.id }, { filters: false })).toBe(0);
        const released = await put(open.id, as(a.agent), { version: 2, assigneeId: null }).expect(200);
        expect(released.body.assigneeId).toBeNull();
        await put(open.id, as(a.agent), { version: 3, assigneeId: a.agent2.id }).expect(403);
        const mine = await ticket(a, { assigneeId: a.agent.id });
        await put(mine.id, as(a.agent), { version: 1, assigneeId: a.agent2.id }).expect(403);
        expect((await stored(mine.id))?.assigneeId).toBe(a.agent.id);
        expect((await stored(open.id))?.assigneeId).toBeNull();
      });
    });

    it('lets a supervisor reassign any ticket and notifies the new assignee', async () => {
      const theirs = await ticket(a, { assigneeId: a.agent2.id }, a.admin);
      await put(theirs.id, as(a.supervisor), { version: 1, assigneeId: a.agent.id }).expect(200);
      const notes = await t.orm.em.fork().find(Notification, { resourceId: theirs.id }, { filters: false, orderBy: { createdAt: 'asc' } });
      expect(notes.map((n) => n.userId)).toEqual([a.agent2.id, a.agent.id]);
    });
  });

  describe('status transitions', () => {
    it('refuses an illegal move with 422 illegal-transition naming the allowed statuses, writing nothing', async () => {
      const created = await ticket();
      const before = await tenantRows(a);
      const res = await put(created.id, as(a.admin), { version: 1, status: 'closed', subject: 'Also this' }).expect(422);
      expect(res.body).toMatchObject({ type: expect.stringContaining('illegal-transition'), allowed: ['open', 'pending', 'resolved'], from: 'new', to: 'closed' });
      expect(res.body.message).toMatch(/open, pending, resolved/);
      expect(res.body.errors.status).toBeDefined();
      expect(await stored(created.id)).toMatchObject({ status: 'new', subject: created.subject, version: 1 });
      expect(await tenantRows(a)).toEqual(before);
    });

    it('sets resolvedAt and closedAt along the way, and a supervisor reopening clears them', async () => {
      const created = await ticket();
      const resolved = await put(created.id, as(a.agent), { version: 1, status: 'resolved' }).expect(200);
      expect(resolved.body.resolvedAt).not.toBeNull();
      expect(resolved.body.closedAt).toBeNull();
      const closed = await put(created.id, as(a.agent), { version: 2, status: 'closed' }).expect(200);
      expect(closed.body.closedAt).not.toBeNull();
      expect(closed.body.resolvedAt).toBe(resolved.body.resolvedAt);

      const agentReopen = await put(created.id, as(a.agent), { version: 3, status: 'open' }).expect(422);
      expect(agentReopen.body.allowed).toEqual([]);
      expect(agentReopen.body.message).toMatch(/org admins and supervisors/);
      await put(created.id, as(a.agent), { version: 3, status: 'pending' }).expect(422);

      const reopened = await put(created.id, as(a.supervisor), { version: 3, status: 'open' }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });
      const statuses = (await audit(created.id)).filter((e) => e.action === 'status').map((e) => e.changes[0].to);
      expect(statuses).toEqual(['resolved', 'closed', 'open']);
    });

    it('lets an org admin reopen a closed ticket', async () => {
      const created = await ticket();
      await put(created.id, as(a.admin), { version: 1, status: 'resolved' }).expect(200);
      await put(created.id, as(a.admin), { version: 2, status: 'closed' }).expect(200);
      await put(created.id, as(a.admin), { version: 3, status: 'open' }).expect(200);
    });
  });

  describe('DELETE /tickets/:id', () => {
    it.each(['admin', 'supervisor'] as const)('lets the %s delete, returning the deleted ticket; notes go, history stays', async (role) => {
      const created = await ticket();
      await api().post('/api/v1/ticket-notes').set(as(a.agent)).send({ ticketId: created.id, body: 'A note' }).expect(201);
      const res = await del(created.id, as(a[role])).expect(200);
      expect(res.body).toMatchObject({ id: created.id, number: created.number, subject: created.subject });
      await getOne(created.id, as(a.admin)).expect(404);
      expect(await stored(created.id)).toBeNull();
      expect(await t.orm.em.fork().count(TicketNote, { ticketId: created.id }, { filters: false })).toBe(0);
      const actions = (await audit(created.id)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['create', 'note', 'delete']));
      const deleted = (await outbox(created.id)).at(-1);
      expect(deleted).toMatchObject({ name: 'ticket.updated', payload: expect.objectContaining({ deleted: true }) });
    });

    it('lets a super admin delete in the chosen tenant', async () => {
      const created = await ticket();
      await del(created.id, { ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id }).expect(200);
    });

    it('refuses agents with 403, even on their own ticket', async () => {
      const mine = await ticket(a, { assigneeId: a.agent.id }, a.agent);
      await del(mine.id, as(a.agent)).expect(403);
      expect(await stored(mine.id)).not.toBeNull();
    });
  });

  describe('across tenants', () => {
    it('answers 404 to every probe of another tenant’s ticket and leaves it unchanged', async () => {
      const theirs = await ticket(b, { subject: 'B secret', assigneeId: b.agent.id });
      const before = await stored(theirs.id);
      for (const m of [a.admin, a.supervisor, a.agent]) {
        await getOne(theirs.id, as(m)).expect(404);
        await put(theirs.id, as(m), { version: 1, subject: 'Owned', status: 'open' }).expect(404);
        await api().patch('/api/v1/tickets/bulk').set(as(m)).send({ ids: [theirs.id], changes: { priority: 'low' } }).expect(404);
      }
      await del(theirs.id, as(a.admin)).expect(404);
      expect(await stored(theirs.id)).toEqual(before);
      expect((await audit(theirs.id)).map((e) => e.action)).toEqual(['create']);
      const found = await list(as(a.admin), { filter: { q: 'secret' } }).expect(200);
      expect(found.body).toEqual([]);
      expect(found.headers['content-range']).toBe('tickets */0');
    });

    it('does not let a tenant assign or link another tenant’s rows', async () => {
      const mine = await ticket();
      await put(mine.id, as(a.admin), { version: 1, assigneeId: b.admin.id }).expect(400);
      const bLead = await api().post('/api/v1/leads').set(as(b.admin, b)).send({ name: 'B lead' }).expect(201);
      const res = await put(mine.id, as(a.admin), { version: 1, leadId: bLead.body.id }).expect(400);
      expect(res.body.errors.leadId).toBeDefined();
      expect((await stored(mine.id))?.version).toBe(1);
    });

    it('links a lead of the own tenant', async () => {
      const lead = await api().post('/api/v1/leads').set(as(a.admin)).send({ name: 'A lead' }).expect(201);
      const created = await ticket(a, { leadId: lead.body.id });
      const res = await list(as(a.agent), { filter: { leadId: lead.body.id } }).expect(200);
      expect(res.body.map((r: TicketBody) => r.id)).toEqual([created.id]);
    });
  });
});
