import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { accessToken, connect, Inbox, listen } from '../support/sockets';
import { API, answeredCall, createApiKey, missedCall, type TestApiKey } from './call-logs.fixtures';

describe('call logs in real time', () => {
  let t: TestApp;
  let url: string;
  let a: TenantFixture;
  let b: TenantFixture;
  let aKey: TestApiKey;
  const sockets: Socket[] = [];

  const join = async (member: StaffMember, f: TenantFixture) => {
    const socket = await connect(url, accessToken(t, member, f.tenant.id));
    sockets.push(socket);
    return new Inbox(socket);
  };
  /** Resolves once an event about `resourceId` has arrived. */
  const arrived = (inbox: Inbox, resourceId: string) => inbox.waitUntil(() => inbox.events.some((e) => e.envelope.resourceId === resourceId), 5_000, resourceId);
  const names = (inbox: Inbox, resourceId: string) => inbox.events.filter((e) => e.envelope.resourceId === resourceId).map((e) => e.name);
  /** A ticket everyone in the tenant sees: once it has arrived, anything published before it has too. */
  const sentinel = async (f: TenantFixture) =>
    (await request(t.server).post(`${API}/tickets`).set(tokenFor(t, f.supervisor, f.tenant.id)).send({ subject: 'sentinel' }).expect(201)).body.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
    aKey = await createApiKey(t, a, ['calls:write']);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => t.close());

  it("brings a call posted with an API key to its agent and the supervisor, not to another agent or another tenant", async () => {
    const [agent, agent2, supervisor, bSupervisor] = await Promise.all([join(a.agent, a), join(a.agent2, a), join(a.supervisor, a), join(b.supervisor, b)]);
    const call = await request(t.server).post(`${API}/call-logs`).set(aKey.header).send(answeredCall({ agentId: a.agent.id })).expect(201);
    const [markA, markB] = [await sentinel(a), await sentinel(b)];
    await Promise.all([arrived(agent, markA), arrived(agent2, markA), arrived(supervisor, markA), arrived(bSupervisor, markB)]);
    expect(names(agent, call.body.id)).toEqual(['call-log.created']);
    expect(names(supervisor, call.body.id)).toEqual(['call-log.created']);
    expect(names(agent2, call.body.id)).toEqual([]);
    expect(names(bSupervisor, call.body.id)).toEqual([]);
    const envelope = agent.events.find((e) => e.envelope.resourceId === call.body.id)!.envelope;
    expect(envelope).toMatchObject({ tenantId: a.tenant.id, subject: 'CallLog', payload: { agentId: a.agent.id, direction: 'inbound', status: 'completed' } });
  });

  it('sends each call of a bulk request as its own event, only to its agent (and staff)', async () => {
    const [agent, agent2, supervisor] = await Promise.all([join(a.agent, a), join(a.agent2, a), join(a.supervisor, a)]);
    const res = await request(t.server)
      .post(`${API}/call-logs/bulk`)
      .set(aKey.header)
      .send({ items: [answeredCall({ agentId: a.agent.id }), answeredCall({ agentId: a.agent2.id }), answeredCall({ agentId: a.agent.id })] })
      .expect(200);
    const [mine1, theirs, mine2] = res.body.items.map((i: { id: string }) => i.id);
    const mark = await sentinel(a);
    await Promise.all([arrived(agent, mark), arrived(agent2, mark), arrived(supervisor, mark)]);
    const calls = (inbox: Inbox) => inbox.events.filter((e) => e.name === 'call-log.created').map((e) => e.envelope.resourceId);
    expect(calls(agent)).toEqual([mine1, mine2]);
    expect(calls(agent2)).toEqual([theirs]);
    expect(calls(supervisor)).toEqual([mine1, theirs, mine2]);
  });

  it("notifies the agent of a missed call live (their user room only), along with the follow-up ticket", async () => {
    const [agent, agent2] = await Promise.all([join(a.agent, a), join(a.agent2, a)]);
    const call = await request(t.server).post(`${API}/call-logs`).set(aKey.header).send(missedCall({ agentId: a.agent.id, fromNumber: '+14155550911' })).expect(201);
    await agent.waitUntil(() => agent.events.some((e) => e.name === 'notification.created' && e.envelope.payload.type === 'call.missed'));
    const mark = await sentinel(a);
    await arrived(agent2, mark);
    expect(agent2.events.some((e) => e.name === 'notification.created')).toBe(false);
    expect(agent.events.map((e) => e.name)).toEqual(expect.arrayContaining(['ticket.created', 'call-log.created', 'notification.created']));
    const note = agent.events.find((e) => e.name === 'notification.created' && e.envelope.payload.type === 'call.missed')!;
    expect(note.envelope.payload).toMatchObject({ userId: a.agent.id, resource: 'tickets', resourceId: call.body.ticketId });
  });
});
