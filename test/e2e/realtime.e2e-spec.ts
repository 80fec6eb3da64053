import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { SessionCheck } from '../../backend/src/auth/session-check.service';
import { RealtimeGateway } from '../../backend/src/realtime/realtime.gateway';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, login, type StaffMember, type TenantFixture } from '../support/fixtures';
import { accessToken, connect, customToken, Inbox, listen, publish, refusal, sleep, type TestEvent } from '../support/sockets';

const ticketCreated = (assigneeId: string | null = null): TestEvent<'ticket.created'> => ({
  name: 'ticket.created',
  subject: 'Ticket',
  resourceId: randomUUID(),
  payload: { assigneeId, subject: 'Printer on fire' },
});

const callLogCreated = (agentId: string): TestEvent<'call-log.created'> => ({
  name: 'call-log.created',
  subject: 'CallLog',
  resourceId: randomUUID(),
  payload: { agentId, direction: 'inbound', status: 'completed' },
});

describe('realtime gateway', () => {
  let t: TestApp;
  let url: string;
  let a: TenantFixture;
  let b: TenantFixture;
  const sockets: Socket[] = [];

  const join = async (member: StaffMember, tenantId: string | null) => {
    const socket = await connect(url, accessToken(t, member, tenantId));
    sockets.push(socket);
    return new Inbox(socket);
  };

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => t.close());

  describe('handshake', () => {
    it('refuses a socket without a token', async () => {
      expect(await refusal(url, {})).toBe('unauthorized: token missing (send it in auth.token)');
    });

    it('refuses an expired token', async () => {
      const token = customToken(a.agent, a.tenant.id, { expiresIn: -10 });
      expect(await refusal(url, { auth: { token } })).toBe('unauthorized: token expired');
    });

    it('refuses a token signed with another secret', async () => {
      const token = customToken(a.agent, a.tenant.id, { secret: 'forged-forged-forged-forged-forged-forged' });
      expect(await refusal(url, { auth: { token } })).toBe('unauthorized: invalid token signature');
    });

    it('refuses a token for another audience', async () => {
      const token = customToken(a.agent, a.tenant.id, { audience: 'some-other-api' });
      expect(await refusal(url, { auth: { token } })).toBe('unauthorized: token is for another audience');
    });

    it('refuses a refresh token and other non-JWT strings', async () => {
      const session = await login(t, a.agent.email);
      expect(await refusal(url, { auth: { token: session.refreshToken } })).toBe('unauthorized: malformed token');
      expect(await refusal(url, { auth: { token: 42 } })).toBe('unauthorized: malformed token');
    });

    it('refuses a JWT that is not an access token', async () => {
      const token = customToken(a.agent, a.tenant.id, { typ: 'refresh' });
      expect(await refusal(url, { auth: { token } })).toBe('unauthorized: not an access token');
    });

    it('refuses a token whose session was revoked (token version bumped)', async () => {
      const user = await createTenantFixture(t).then((f) => ({ f, member: f.agent }));
      const token = accessToken(t, user.member, user.f.tenant.id);
      await t.orm.em.getConnection().execute('update users set token_version = token_version + 1 where id = ?', [user.member.id]);
      t.app.get(SessionCheck).invalidate(user.member.id);
      expect(await refusal(url, { auth: { token } })).toBe('unauthorized: session revoked');
    });

    it('refuses a token sent in the query string, even when valid', async () => {
      const token = accessToken(t, a.agent, a.tenant.id);
      expect(await refusal(url, { auth: {}, query: { token } })).toBe(
        'unauthorized: send the token in auth.token, not in the query string',
      );
    });

    it('checks the Origin against CORS_ORIGINS and lets clients without one in', async () => {
      const token = accessToken(t, a.agent, a.tenant.id);
      expect(await refusal(url, { auth: { token }, headers: { Origin: 'https://evil.example' } })).toBe(
        'forbidden: origin https://evil.example is not allowed',
      );
      sockets.push(await connect(url, token, { headers: { Origin: 'http://localhost:5173' } }));
      sockets.push(await connect(url, token));
    });

    it('lets in the UI the app serves itself, under whatever host it was opened', async () => {
      const token = accessToken(t, a.agent, a.tenant.id);
      const self = new URL(url).origin; // e.g. http://127.0.0.1:<port>, not in CORS_ORIGINS
      sockets.push(await connect(url, token, { headers: { Origin: self } }));
      expect(await refusal(url, { auth: { token }, headers: { Origin: `${self}.evil.example` } })).toMatch(/^forbidden: origin/);
    });
  });

  describe('delivery', () => {
    it("sends a tenant's events to that tenant's sockets only", async () => {
      const [aAdmin, aAgent, bAdmin, bAgent] = await Promise.all([
        join(a.admin, a.tenant.id),
        join(a.agent, a.tenant.id),
        join(b.admin, b.tenant.id),
        join(b.agent, b.tenant.id),
      ]);
      const [forA] = await publish(t, a.tenant.id, [ticketCreated()]);
      const [forB] = await publish(t, b.tenant.id, [ticketCreated()]);
      await Promise.all([aAdmin.waitFor(forA), aAgent.waitFor(forA), bAdmin.waitFor(forB), bAgent.waitFor(forB)]);
      await sleep(200);
      expect(aAdmin.ids()).toEqual([forA]);
      expect(aAgent.ids()).toEqual([forA]);
      expect(bAdmin.ids()).toEqual([forB]);
      expect(bAgent.ids()).toEqual([forB]);
      expect(aAgent.events[0]).toMatchObject({
        name: 'ticket.created',
        envelope: { id: forA, name: 'ticket.created', tenantId: a.tenant.id, subject: 'Ticket', payload: { assigneeId: null } },
      });
      expect(aAgent.events[0].envelope.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it("filters by ability: an agent gets only their own call logs, the supervisor gets both", async () => {
      const [agent, supervisor] = await Promise.all([join(a.agent, a.tenant.id), join(a.supervisor, a.tenant.id)]);
      // one transaction: one batch, delivered in this order
      const [others, own] = await publish(t, a.tenant.id, [callLogCreated(a.agent2.id), callLogCreated(a.agent.id)]);
      await Promise.all([agent.waitFor(own), supervisor.waitUntil(() => supervisor.count(own) === 1)]);
      expect(agent.ids()).toEqual([own]);
      expect(supervisor.ids()).toEqual([others, own]);
    });

    it('sends events that name users only to those users, still checked by ability', async () => {
      const [agent, agent2, admin] = await Promise.all([
        join(a.agent, a.tenant.id),
        join(a.agent2, a.tenant.id),
        join(a.admin, a.tenant.id),
      ]);
      const named: TestEvent<'ticket.updated'> = { ...ticketCreated(a.agent.id), name: 'ticket.updated', userIds: [a.agent.id] };
      // names agent2, but agent2 may not read this call log: nobody gets it
      const hidden: TestEvent<'call-log.created'> = { ...callLogCreated(a.agent.id), userIds: [a.agent2.id] };
      const [namedId, hiddenId, sentinel] = await publish(t, a.tenant.id, [named, hidden, ticketCreated()]);
      await Promise.all([agent.waitFor(sentinel), agent2.waitFor(sentinel), admin.waitFor(sentinel)]);
      expect(agent.ids()).toEqual([namedId, sentinel]);
      expect(agent2.ids()).toEqual([sentinel]);
      expect(admin.ids()).toEqual([sentinel]);
      expect(agent.events[0].envelope.userIds).toBeUndefined();
      expect(hiddenId).toBeDefined();
    });

    it('puts a super admin without a tenant in their user room only', async () => {
      const superAdmin = await createSuperAdmin(t);
      const inbox = await join(superAdmin, null);
      const watcher = await join(a.admin, a.tenant.id);
      const [id] = await publish(t, a.tenant.id, [ticketCreated()]);
      await watcher.waitFor(id);
      await sleep(200);
      expect(inbox.ids()).toEqual([]);
    });
  });

  describe('session lifetime', () => {
    it('disconnects a socket when its token expires', async () => {
      const socket = await connect(url, customToken(a.agent, a.tenant.id, { expiresIn: 2 }));
      sockets.push(socket);
      const expired = new Promise<unknown>((resolve) => socket.once('auth:expired', resolve));
      const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
      expect(await expired).toEqual({ reason: 'token expired' });
    });

    it('keeps a socket past its first expiry after auth:refresh with a newer token', async () => {
      const socket = await connect(url, customToken(a.agent, a.tenant.id, { expiresIn: 2 }));
      sockets.push(socket);
      const fresh = customToken(a.agent, a.tenant.id, { expiresIn: 600 });
      const ack = await socket.emitWithAck('auth:refresh', { token: fresh });
      expect(ack).toEqual({ ok: true, exp: expect.any(Number) });
      await sleep(3_000);
      expect(socket.connected).toBe(true);
      const inbox = new Inbox(socket);
      const [id] = await publish(t, a.tenant.id, [callLogCreated(a.agent.id)]);
      await inbox.waitFor(id);
    });

    it("refuses auth:refresh with a bad token or another user's token, and keeps the session", async () => {
      const socket = await connect(url, accessToken(t, a.agent, a.tenant.id));
      sockets.push(socket);
      expect(await socket.emitWithAck('auth:refresh', { token: 'nope' })).toEqual({ ok: false, error: 'unauthorized: malformed token' });
      expect(await socket.emitWithAck('auth:refresh', { token: accessToken(t, a.agent2, a.tenant.id) })).toEqual({
        ok: false,
        error: 'unauthorized: token belongs to another user',
      });
      expect(socket.connected).toBe(true);
    });

    it('disconnects the sockets of a user whose session was revoked', async () => {
      const f = await createTenantFixture(t);
      const victim = await join(f.agent, f.tenant.id);
      const bystander = await join(f.agent2, f.tenant.id);
      const gone = new Promise<string>((resolve) => victim.socket.once('disconnect', resolve));
      await t.orm.em.getConnection().execute('update users set active = false where id = ?', [f.agent.id]);
      t.app.get(SessionCheck).invalidate(f.agent.id);
      expect(await t.app.get(RealtimeGateway).recheckSessions()).toBeGreaterThanOrEqual(1);
      expect(await gone).toBe('io server disconnect');
      expect(bystander.socket.connected).toBe(true);
    });
  });

  it('measures commit → socket latency (median of 50 events)', async () => {
    const inbox = await join(a.supervisor, a.tenant.id);
    const latencies: number[] = [];
    for (let i = 0; i < 50; i++) {
      const event = callLogCreated(a.agent.id);
      const [id] = await publish(t, a.tenant.id, [event]);
      const committed = performance.now();
      await inbox.waitFor(id);
      latencies.push(inbox.events.find((e) => e.envelope.id === id)!.at - committed);
    }
    latencies.sort((x, y) => x - y);
    const median = latencies[Math.floor(latencies.length / 2)];
    // eslint-disable-next-line no-console
    console.log(`commit → socket latency over ${latencies.length} events: median ${median.toFixed(1)} ms, p90 ${latencies[44].toFixed(1)} ms, max ${latencies[49].toFixed(1)} ms`);
    expect(latencies).toHaveLength(50);
  });
});
