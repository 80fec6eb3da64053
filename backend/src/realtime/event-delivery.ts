import { tenantRoom, userRoom, type EventEnvelope } from '@callpro/contracts';
import { asSubject, type SubjectName } from '@callpro/permissions';
import type { SocketSession } from './socket-session';

/** The rooms an envelope goes to: its users' rooms when it names users, else its tenant's room. */
export function roomsFor(envelope: EventEnvelope): string[] {
  return envelope.userIds?.length ? envelope.userIds.map(userRoom) : [tenantRoom(envelope.tenantId)];
}

/**
 * Whether one socket may receive an envelope. Rooms already narrow it down; this re-checks the
 * tenant and the users, then asks the socket's ability whether it may read the payload as a record
 * of the envelope's subject (an agent may read only their own CallLog).
 */
export function mayReceive(session: SocketSession, envelope: EventEnvelope): boolean {
  const { principal, ability } = session;
  const named = !!envelope.userIds?.length;
  if (named && !envelope.userIds!.includes(principal.userId)) return false;
  // a super admin outside any tenant receives only what names them
  const sameTenant = principal.tenantId === envelope.tenantId || (principal.tenantId === null && named);
  if (!sameTenant) return false;
  return ability.can('read', asSubject(envelope.subject as SubjectName, { ...envelope.payload }));
}

/** The envelope as clients see it: the list of other receivers stays on the server. */
export function forClient(envelope: EventEnvelope): EventEnvelope {
  const { userIds: _userIds, ...visible } = envelope;
  return visible;
}
