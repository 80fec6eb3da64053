import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Ticket } from '../../backend/src/tickets/ticket.entity';
import { TicketNote } from '../../backend/src/ticket-notes/ticket-note.entity';
import { AuditEvent } from '../../backend/src/audit/audit-event.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';

type Auth = Record<string, string>;
interface NoteBody {
  id: string;
  ticketId: string;
  body: string;
  visibility: string;
  authorId: string | null;
  createdAt: string;
}

describe('ticket-notes resource', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let superAdmin: StaffMember;
  let seq = 0;

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const api = () => request(t.server);
  const post = (auth: Auth, body: object) => api().post('/api/v1/ticket-notes').set(auth).send(body);
  const put = (id: string, auth: Auth, body: object) => api().put(`/api/v1/ticket-notes/${id}`).set(auth).send(body);
  const del = (id: string, auth: Auth) => api().delete(`/api/v1/ticket-notes/${id}`).set(auth).set('Content-Type', 'text/plain');
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    api().get('/api/v1/ticket-notes').set(auth).query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const storedNote = (id: string) => t.orm.em.fork().findOne(TicketNote, id, { filters: false });
  const storedTicket = (id: string) => t.orm.em.fork().findOneOrFail(Ticket, id, { filters: false });
  const countNotes = (f: TenantFixture) => t.orm.em.fork().count(TicketNote, { tenantId: f.tenant.id }, { filters: false });
  const ageNote = (id: string, minutes: number) =>
    t.orm.em.getConnection().execute(`update ticket_notes set created_at = now() - make_interval(mins => ?) where id = ?`, [minutes, id]);

  async function ticket(f: TenantFixture = a, body: object = {}): Promise<{ id: string; number: number; version: number; updatedAt: string }> {
    return (await api().post('/api/v1/tickets').set(as(f.supervisor, f)).send({ subject: `Noted ${++seq}`, ...body }).expect(201)).body;
  }
  async function note(ticketId: string, who: StaffMember = a.agent, body: object = {}, f: TenantFixture = a): Promise<NoteBody> {
    return (await post(as(who, f), { ticketId, body: `Note ${++seq}`, ...body }).expect(201)).body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    superAdmin = await createSuperAdmin(t);
  });
  afterAll(() => t.close());

  describe('POST /ticket-notes', () => {
    it.each(['admin', 'supervisor', 'agent', 'agent2'] as const)('lets the %s add a note, as its author', async (role) => {
      const tk = await ticket();
      const res = await post(as(a[role]), { ticketId: tk.id, body: '  Called back, left a message  ', authorId: a.admin.id }).expect(201);
      expect(res.body).toMatchObject({ ticketId: tk.id, body: 'Called back, left a message', visibility: 'internal', authorId: a[role].id });
      expect((await storedNote(res.body.id))?.tenantId).toBe(a.tenant.id);
    });

    it('lets a super admin add a note in the chosen tenant', async () => {
      const tk = await ticket();
      const res = await post({ ...tokenFor(t, superAdmin, null), 'X-Tenant-Id': a.tenant.id }, { ticketId: tk.id, body: 'Operator here' }).expect(201);
      expect(res.body.authorId).toBe(superAdmin.id);
    });

    it('lets an agent note a ticket assigned to a colleague (they may read it)', async () => {
      const tk = await ticket(a, { assigneeId: a.agent2.id });
      await post(as(a.agent), { ticketId: tk.id, body: 'FYI' }).expect(201);
    });

    it('answers 404 for another tenant’s ticket and a missing one, creating nothing', async () => {
      const theirs = await ticket(b);
      const [beforeA, beforeB] = [await countNotes(a), await countNotes(b)];
      const res = await post(as(a.admin), { ticketId: theirs.id, body: 'Sneaky' }).expect(404);
      expect(res.body.type).toContain('not-found');
      await post(as(a.admin), { ticketId: '00000000-0000-4000-8000-000000000000', body: 'Ghost' }).expect(404);
      expect([await countNotes(a), await countNotes(b)]).toEqual([beforeA, beforeB]);
      expect(await t.orm.em.fork().count(AuditEvent, { resourceId: theirs.id, action: 'note' }, { filters: false })).toBe(0);
    });

    it.each([
      ['an empty body', { body: '   ' }, 'body'],
      ['a body over 20,000 characters', { body: 'x'.repeat(20_001) }, 'body'],
      ['an unknown visibility', { body: 'x', visibility: 'secret' }, 'visibility'],
      ['a malformed ticket id', { body: 'x', ticketId: 'nope' }, 'ticketId'],
    ])('refuses %s with a 400 naming the field', async (_label, body, field) => {
      const tk = await ticket();
      const before = await countNotes(a);
      const res = await post(as(a.agent), { ticketId: tk.id, ...body }).expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(await countNotes(a)).toBe(before);
      expect(await t.orm.em.fork().count(OutboxEvent, { tenantId: a.tenant.id, name: 'ticket-note.created', payload: { ticketId: tk.id } }, { filters: false })).toBe(0);
    });

    it('accepts a body of exactly 20,000 characters', async () => {
      const tk = await ticket();
      await post(as(a.agent), { ticketId: tk.id, body: 'x'.repeat(20_000) }).expect(201);
    });

    it('records the note in the ticket’s history and publishes ticket-note.created', async () => {
      const tk = await ticket();
      const n = await note(tk.id, a.agent, { visibility: 'internal' });
      const events = await t.orm.em.fork().find(AuditEvent, { resourceId: tk.id, action: 'note' }, { filters: false });
      expect(events.map((e) => [e.actorId, e.resource, e.changes])).toEqual([
        [a.agent.id, 'tickets', [{ field: 'note', from: null, to: { id: n.id, visibility: 'internal', body: n.body } }]],
      ]);
      const published = await t.orm.em.fork().find(OutboxEvent, { resourceId: n.id }, { filters: false });
      expect(published.map((e) => [e.name, e.subject, e.tenantId])).toEqual([['ticket-note.created', 'TicketNote', a.tenant.id]]);
      expect(published[0].payload).toMatchObject({ id: n.id, ticketId: tk.id, authorId: a.agent.id, visibility: 'internal', createdAt: n.createdAt });
    });

    it('moves the ticket’s updatedAt without changing its version', async () => {
      const tk = await ticket();
      await note(tk.id);
      const row = await storedTicket(tk.id);
      expect(row.version).toBe(tk.version);
      expect(row.updatedAt.getTime()).toBeGreaterThan(Date.parse(tk.updatedAt));
    });
  });

  describe('first response', () => {
    it('is set by the first public note by staff, not by internal notes, and never moves after', async () => {
      const tk = await ticket();
      await note(tk.id, a.agent, { visibility: 'internal' });
      expect((await storedTicket(tk.id)).firstRespondedAt).toBeNull();
      const first = await note(tk.id, a.agent, { visibility: 'public' });
      const responded = (await storedTicket(tk.id)).firstRespondedAt;
      expect(responded).not.toBeNull();
      expect(Math.abs(responded!.getTime() - Date.parse(first.createdAt))).toBeLessThan(5_000);
      await note(tk.id, a.supervisor, { visibility: 'public' });
      expect((await storedTicket(tk.id)).firstRespondedAt).toEqual(responded);
      const history = await t.orm.em.fork().find(AuditEvent, { resourceId: tk.id, action: 'update' }, { filters: false });
      expect(history.map((e) => e.changes[0].field)).toEqual(['firstRespondedAt']);
      const updated = await t.orm.em.fork().find(OutboxEvent, { resourceId: tk.id, name: 'ticket.updated' }, { filters: false });
      expect(updated.map((e) => e.payload.changed)).toEqual([['firstRespondedAt']]);
    });

    it('is set when an internal note is made public', async () => {
      const tk = await ticket();
      const n = await note(tk.id, a.agent, { visibility: 'internal' });
      await put(n.id, as(a.agent), { visibility: 'public' }).expect(200);
      expect((await storedTicket(tk.id)).firstRespondedAt).not.toBeNull();
    });

    it('shows on GET /tickets/:id', async () => {
      const tk = await ticket();
      await note(tk.id, a.admin, { visibility: 'public' });
      const res = await api().get(`/api/v1/tickets/${tk.id}`).set(as(a.agent)).expect(200);
      expect(res.body.firstRespondedAt).not.toBeNull();
    });
  });

  describe('GET /ticket-notes', () => {
    it('lists a ticket’s notes oldest first, with Content-Range', async () => {
      const tk = await ticket();
      const ids = [(await note(tk.id)).id, (await note(tk.id, a.admin)).id, (await note(tk.id, a.agent2)).id];
      const res = await list(as(a.agent), { filter: { ticketId: tk.id } }).expect(200);
      expect(res.body.map((n: NoteBody) => n.id)).toEqual(ids);
      expect(res.headers['content-range']).toBe('ticket-notes 0-2/3');
      const page = await list(as(a.agent), { filter: { ticketId: tk.id }, sort: ['createdAt', 'DESC'], range: [0, 0] }).expect(200);
      expect(page.body.map((n: NoteBody) => n.id)).toEqual([ids[2]]);
      expect(page.headers['content-range']).toBe('ticket-notes 0-0/3');
    });

    it('filters by visibility and author ("me")', async () => {
      const tk = await ticket();
      const mine = await note(tk.id, a.agent, { visibility: 'public' });
      await note(tk.id, a.agent2, { visibility: 'public' });
      await note(tk.id, a.agent, { visibility: 'internal' });
      const res = await list(as(a.agent), { filter: { ticketId: tk.id, authorId: 'me', visibility: 'public' } }).expect(200);
      expect(res.body.map((n: NoteBody) => n.id)).toEqual([mine.id]);
    });

    it('requires a ticketId (or id) filter', async () => {
      const res = await list(as(a.admin)).expect(400);
      expect(res.body.errors['filter.ticketId']).toBeDefined();
      await list(as(a.admin), { filter: { visibility: 'public' } }).expect(400);
      const n = await note((await ticket()).id);
      const many = await list(as(a.admin), { filter: { id: [n.id] } }).expect(200);
      expect(many.body.map((x: NoteBody) => x.id)).toEqual([n.id]);
    });

    it('shows nothing of another tenant’s ticket', async () => {
      const theirs = await ticket(b);
      const theirNote = await note(theirs.id, b.agent, {}, b);
      const res = await list(as(a.admin), { filter: { ticketId: theirs.id } }).expect(200);
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe('ticket-notes */0');
      expect((await list(as(a.admin), { filter: { id: [theirNote.id] } }).expect(200)).body).toEqual([]);
    });
  });

  describe('GET /ticket-notes/:id', () => {
    it('returns a note of the tenant and 404 for another tenant’s or a malformed id', async () => {
      const n = await note((await ticket()).id);
      await api().get(`/api/v1/ticket-notes/${n.id}`).set(as(a.agent2)).expect(200);
      const theirs = await note((await ticket(b)).id, b.agent, {}, b);
      await api().get(`/api/v1/ticket-notes/${theirs.id}`).set(as(a.admin)).expect(404);
      await api().get('/api/v1/ticket-notes/abc').set(as(a.admin)).expect(404);
    });
  });

  describe('PUT and DELETE /ticket-notes/:id', () => {
    it('lets an agent edit and delete their own note within 15 minutes', async () => {
      const tk = await ticket();
      const n = await note(tk.id, a.agent);
      const res = await put(n.id, as(a.agent), { ...n, body: 'Corrected', ticketId: (await ticket()).id, authorId: a.admin.id }).expect(200);
      expect(res.body).toMatchObject({ body: 'Corrected', ticketId: tk.id, authorId: a.agent.id });
      const history = await t.orm.em.fork().find(AuditEvent, { resourceId: tk.id, action: 'note' }, { filters: false, orderBy: { occurredAt: 'asc' } });
      expect(history.at(-1)?.changes).toEqual([
        { field: 'note', from: { id: n.id, visibility: 'internal', body: n.body }, to: { id: n.id, visibility: 'internal', body: 'Corrected' } },
      ]);
      const deleted = await del(n.id, as(a.agent)).expect(200);
      expect(deleted.body).toMatchObject({ id: n.id, body: 'Corrected' });
      expect(await storedNote(n.id)).toBeNull();
      const last = (await t.orm.em.fork().find(AuditEvent, { resourceId: tk.id, action: 'note' }, { filters: false, orderBy: { occurredAt: 'asc' } })).at(-1);
      expect(last?.changes).toEqual([{ field: 'note', from: { id: n.id, visibility: 'internal', body: 'Corrected' }, to: null }]);
    });

    it('refuses an agent a colleague’s note (403, unchanged)', async () => {
      const n = await note((await ticket()).id, a.agent2);
      await put(n.id, as(a.agent), { body: 'Mine now' }).expect(403);
      await del(n.id, as(a.agent)).expect(403);
      expect((await storedNote(n.id))?.body).toBe(n.body);
    });

    it('refuses an agent their own note after 15 minutes (403, unchanged)', async () => {
      const n = await note((await ticket()).id, a.agent);
      await ageNote(n.id, 16);
      await put(n.id, as(a.agent), { body: 'Too late' }).expect(403);
      await del(n.id, as(a.agent)).expect(403);
      expect((await storedNote(n.id))?.body).toBe(n.body);
    });

    it.each(['admin', 'supervisor'] as const)('lets the %s edit and delete anyone’s note, however old', async (role) => {
      const n = await note((await ticket()).id, a.agent);
      await ageNote(n.id, 600);
      await put(n.id, as(a[role]), { body: 'Moderated' }).expect(200);
      await del(n.id, as(a[role])).expect(200);
      expect(await storedNote(n.id)).toBeNull();
    });

    it('validates edits', async () => {
      const n = await note((await ticket()).id, a.agent);
      const res = await put(n.id, as(a.agent), { body: '' }).expect(400);
      expect(res.body.errors.body).toBeDefined();
      await put(n.id, as(a.agent), { body: null }).expect(400);
    });

    it('answers 404 to another tenant’s note and leaves it unchanged', async () => {
      const theirs = await note((await ticket(b)).id, b.agent, {}, b);
      for (const m of [a.admin, a.supervisor, a.agent]) {
        await put(theirs.id, as(m), { body: 'Defaced' }).expect(404);
        await del(theirs.id, as(m)).expect(404);
      }
      expect((await storedNote(theirs.id))?.body).toBe(theirs.body);
    });
  });
});
