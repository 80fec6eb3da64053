import type { EventEnvelope } from '@callpro/contracts';
import { defineAbilityFor, type UserPrincipal } from '@callpro/permissions';
import { forClient, mayReceive, roomsFor } from './event-delivery';
import type { SocketSession } from './socket-session';

const TENANT = '00000000-0000-4000-8000-00000000000a';
const OTHER_TENANT = '00000000-0000-4000-8000-00000000000b';
const AGENT = '00000000-0000-4000-8000-000000000001';
const OTHER_AGENT = '00000000-0000-4000-8000-000000000002';

function session(principal: UserPrincipal): SocketSession {
  return { principal, ability: defineAbilityFor(principal), claims: { sub: principal.userId, tid: principal.tenantId, role: principal.role, ver: 0, typ: 'access', exp: 0 } };
}

const agent = session({ kind: 'user', userId: AGENT, tenantId: TENANT, role: 'agent' });
const supervisor = session({ kind: 'user', userId: OTHER_AGENT, tenantId: TENANT, role: 'supervisor' });
const superAdmin = session({ kind: 'user', userId: AGENT, tenantId: null, role: 'super_admin' });

const envelope = (over: Partial<EventEnvelope>): EventEnvelope => ({
  id: 'e1',
  name: 'call-log.created',
  tenantId: TENANT,
  occurredAt: '2026-01-01T00:00:00.000Z',
  resourceId: 'r1',
  subject: 'CallLog',
  payload: { agentId: AGENT },
  ...over,
});

describe('event delivery rules', () => {
  it('goes to the tenant room, or to the named users’ rooms', () => {
    expect(roomsFor(envelope({}))).toEqual([`tenant:${TENANT}`]);
    expect(roomsFor(envelope({ userIds: [AGENT, OTHER_AGENT] }))).toEqual([`user:${AGENT}`, `user:${OTHER_AGENT}`]);
  });

  const cases: [string, SocketSession, EventEnvelope, boolean][] = [
    ['an agent, own call log', agent, envelope({}), true],
    ["an agent, another agent's call log", agent, envelope({ payload: { agentId: OTHER_AGENT } }), false],
    ['an agent, a call log without agentId (fails closed)', agent, envelope({ payload: {} }), false],
    ["a supervisor, another agent's call log", supervisor, envelope({}), true],
    ['an agent, own call log of another tenant', agent, envelope({ tenantId: OTHER_TENANT }), false],
    ['an agent, an event naming someone else', agent, envelope({ userIds: [OTHER_AGENT] }), false],
    ['an agent, own notification', agent, envelope({ subject: 'Notification', payload: { userId: AGENT }, userIds: [AGENT] }), true],
    ["an agent, someone else's notification sent to them", agent, envelope({ subject: 'Notification', payload: { userId: OTHER_AGENT }, userIds: [AGENT] }), false],
    ['a tenant-less super admin, a tenant event', superAdmin, envelope({}), false],
    ['a tenant-less super admin, an event naming them', superAdmin, envelope({ userIds: [AGENT] }), true],
  ];
  it.each(cases.map(([label, who, event, expected]) => ({ label, who, event, expected })))('$label: $expected', ({ who, event, expected }) => {
    expect(mayReceive(who, event)).toBe(expected);
  });

  it('does not show clients who else received an event', () => {
    expect(forClient(envelope({ userIds: [AGENT] }))).not.toHaveProperty('userIds');
  });
});
