import request from 'supertest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io-client';
import { NotificationsService, type NotifyInput } from '../../backend/src/notifications/notifications.service';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { accessToken, connect, Inbox, listen, sleep } from '../support/sockets';

const API = '/api/v1/notifications';

describe('notifications', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  const sockets: Socket[] = [];

  const notify = async (tenantId: string, users: StaffMember[], input: Partial<NotifyInput> = {}) => {
    const service = t.app.get(NotificationsService);
    return forkForTenant(t.orm.em as EntityManager, tenantId).transactional(async (em) =>
      service
        .notify(
          em,
          users.map((u) => u.id),
          { type: 'ticket.assigned', title: 'Ticket #1001 assigned to you', body: 'Printer on fire', resource: 'tickets', ...input },
        )
        .map((n) => n.id),
    );
  };
  const as = (member: StaffMember, f: TenantFixture) => tokenFor(t, member, f.tenant.id);
  let url: string;
  const inboxOf = async (member: StaffMember, f: TenantFixture) => {
    const socket = await connect(url, accessToken(t, member, f.tenant.id));
    sockets.push(socket);
    return new Inbox(socket);
  };

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t); // before supertest, which would otherwise listen on its own
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => t.close());

  describe('reading and marking', () => {
    let f: TenantFixture;
    let mine: string[];
    let others: string[];

    beforeAll(async () => {
      f = await createTenantFixture(t);
      mine = [];
      for (const title of ['first', 'second', 'third']) mine.push(...(await notify(f.tenant.id, [f.agent], { title })));
      others = await notify(f.tenant.id, [f.agent2, f.supervisor]);
    });

    it("lists only the caller's own notifications, newest first, with simple-rest headers", async () => {
      const res = await request(t.server).get(API).set(as(f.agent, f)).expect(200);
      expect(res.body.map((n: { id: string }) => n.id)).toEqual([...mine].reverse());
      expect(res.headers['content-range']).toBe('notifications 0-2/3');
      expect(res.headers['x-total-count']).toBe('3');
      expect(res.body[0]).toEqual({
        id: mine[2],
        userId: f.agent.id,
        type: 'ticket.assigned',
        title: 'third',
        body: 'Printer on fire',
        resource: 'tickets',
        resourceId: null,
        read: false,
        readAt: null,
        createdAt: expect.any(String),
      });
      const byIds = await request(t.server)
        .get(API)
        .query({ filter: JSON.stringify({ id: [...others, mine[0]] }) })
        .set(as(f.agent, f))
        .expect(200);
      expect(byIds.body.map((n: { id: string }) => n.id)).toEqual([mine[0]]);
    });

    it('marks one read and unread, filters on read, and counts the unread ones', async () => {
      const count = async () => (await request(t.server).get(`${API}/unread-count`).set(as(f.agent, f)).expect(200)).body;
      expect(await count()).toEqual({ count: 3 });

      // react-admin PUTs the whole record; only `read` counts
      const read = await request(t.server)
        .put(`${API}/${mine[0]}`)
        .set(as(f.agent, f))
        .send({ id: mine[0], title: 'changed?', userId: f.agent2.id, read: true })
        .expect(200);
      expect(read.body).toMatchObject({ id: mine[0], read: true, readAt: expect.any(String), title: 'first', userId: f.agent.id });
      expect(await count()).toEqual({ count: 2 });

      const unread = await request(t.server).get(API).query({ filter: '{"read":false}' }).set(as(f.agent, f)).expect(200);
      expect(unread.body.map((n: { id: string }) => n.id).sort()).toEqual([mine[1], mine[2]].sort());
      expect(unread.headers['content-range']).toBe('notifications 0-1/2');
      const readOnes = await request(t.server).get(API).query({ filter: '{"read":true}' }).set(as(f.agent, f)).expect(200);
      expect(readOnes.body.map((n: { id: string }) => n.id)).toEqual([mine[0]]);

      const again = await request(t.server).put(`${API}/${mine[0]}`).set(as(f.agent, f)).send({ read: false }).expect(200);
      expect(again.body).toMatchObject({ read: false, readAt: null });
      expect(await count()).toEqual({ count: 3 });

      expect((await request(t.server).get(`${API}/${mine[1]}`).set(as(f.agent, f)).expect(200)).body).toMatchObject({ id: mine[1], title: 'second' });
    });

    it("marks all the caller's notifications read, and nobody else's", async () => {
      const res = await request(t.server).post(`${API}/read-all`).set(as(f.agent, f)).expect(200);
      expect(res.body).toEqual({ updated: 3 });
      expect((await request(t.server).post(`${API}/read-all`).set(as(f.agent, f)).expect(200)).body).toEqual({ updated: 0 });
      expect((await request(t.server).get(`${API}/unread-count`).set(as(f.agent, f)).expect(200)).body).toEqual({ count: 0 });
      expect((await request(t.server).get(`${API}/unread-count`).set(as(f.agent2, f)).expect(200)).body).toEqual({ count: 1 });
    });

    it('rejects a bad read flag or filter', async () => {
      const put = await request(t.server).put(`${API}/${mine[0]}`).set(as(f.agent, f)).send({ read: 'yes' }).expect(400);
      expect(put.body.errors).toHaveProperty('read');
      const list = await request(t.server).get(API).query({ filter: '{"read":"no"}' }).set(as(f.agent, f)).expect(400);
      expect(list.body.errors).toEqual({ 'filter.read': 'must be true or false' });
      await request(t.server).get(API).query({ filter: '{"userId":"x"}' }).set(as(f.agent, f)).expect(400);
    });

    it("answers 404 for another user's notification, even to an org admin, and changes nothing", async () => {
      const [agent2s] = others;
      for (const member of [f.agent, f.admin]) {
        await request(t.server).get(`${API}/${agent2s}`).set(as(member, f)).expect(404);
        await request(t.server).put(`${API}/${agent2s}`).set(as(member, f)).send({ read: true }).expect(404);
      }
      await request(t.server).get(`${API}/not-a-uuid`).set(as(f.agent, f)).expect(404);
      const owner = await request(t.server).get(`${API}/${agent2s}`).set(as(f.agent2, f)).expect(200);
      expect(owner.body).toMatchObject({ read: false, readAt: null });
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 for another tenant's notification and never lists or counts it", async () => {
      const [bs] = await notify(b.tenant.id, [b.agent]);
      await notify(a.tenant.id, [a.agent]);
      await request(t.server).get(`${API}/${bs}`).set(as(a.agent, a)).expect(404);
      await request(t.server).put(`${API}/${bs}`).set(as(a.agent, a)).send({ read: true }).expect(404);
      await request(t.server).get(`${API}/${bs}`).set(as(a.admin, a)).expect(404);
      const list = await request(t.server).get(API).query({ filter: JSON.stringify({ id: [bs] }) }).set(as(a.agent, a)).expect(200);
      expect(list.body).toEqual([]);
      expect(list.headers['content-range']).toBe('notifications */0');
      await request(t.server).post(`${API}/read-all`).set(as(a.agent, a)).expect(200);
      const own = await request(t.server).get(`${API}/${bs}`).set(as(b.agent, b)).expect(200);
      expect(own.body).toMatchObject({ id: bs, read: false });
    });
  });

  describe('live', () => {
    it("sends notification.created to its user's sockets only", async () => {
      const [agent, agent2, supervisor, otherTenant] = await Promise.all([
        inboxOf(a.agent, a),
        inboxOf(a.agent2, a),
        inboxOf(a.supervisor, a),
        inboxOf(b.agent, b),
      ]);
      const [forAgent] = await notify(a.tenant.id, [a.agent], { type: 'call.missed', title: 'Missed call from +1 555 0100', resource: 'call-logs' });
      const [forAgent2] = await notify(a.tenant.id, [a.agent2]);
      await Promise.all([agent.waitUntil(() => agent.events.length === 1), agent2.waitUntil(() => agent2.events.length === 1)]);
      await sleep(300);
      expect(agent.events).toEqual([
        {
          name: 'notification.created',
          at: expect.any(Number),
          envelope: {
            id: expect.any(String),
            name: 'notification.created',
            tenantId: a.tenant.id,
            occurredAt: expect.any(String),
            resourceId: forAgent,
            subject: 'Notification',
            payload: {
              userId: a.agent.id,
              type: 'call.missed',
              title: 'Missed call from +1 555 0100',
              body: 'Printer on fire',
              resource: 'call-logs',
              resourceId: null,
              createdAt: expect.any(String),
            },
          },
        },
      ]);
      expect(agent2.events.map((e) => e.envelope.resourceId)).toEqual([forAgent2]);
      expect(supervisor.events).toEqual([]);
      expect(otherTenant.events).toEqual([]);
    });

    it('writes nothing and sends nothing when the caller rolls back', async () => {
      const agent = await inboxOf(a.agent, a);
      const service = t.app.get(NotificationsService);
      let dropped = '';
      await expect(
        forkForTenant(t.orm.em as EntityManager, a.tenant.id).transactional(async (em) => {
          [{ id: dropped }] = service.notify(em, [a.agent.id], { type: 'sla.warning', title: 'SLA 75%' });
          await em.flush();
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const [kept] = await notify(a.tenant.id, [a.agent]);
      await agent.waitUntil(() => agent.events.length > 0);
      await sleep(300);
      expect(agent.events.map((e) => e.envelope.resourceId)).toEqual([kept]);
      await request(t.server).get(`${API}/${dropped}`).set(as(a.agent, a)).expect(404);
    });
  });
});
