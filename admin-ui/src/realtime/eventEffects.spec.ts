import { EVENT_NAMES, EVENT_RESOURCE, type EventEnvelope, type EventName } from '@callpro/contracts';
import { createToastGate, isDataQuery, queryKeysFor, toastFor } from './eventEffects';

const ME = 'user-me';
const OTHER = 'user-other';
const SUPERVISOR = 'user-supervisor';
const ADMIN = 'user-org-admin';

const event = (name: EventName, payload: Record<string, unknown>, resourceId = 'res-1'): EventEnvelope => ({
  id: `evt-${name}`,
  name,
  tenantId: 'tenant-1',
  occurredAt: '2026-11-25T10:00:00.000Z',
  resourceId,
  subject: 'Ticket',
  payload,
});

const notification = (payload: Record<string, unknown>) =>
  event('notification.created', { userId: ME, type: 'ticket.assigned', title: 'Ticket #1001 was assigned to you', body: 'Printer on fire', resource: 'tickets', resourceId: 'ticket-1', createdAt: '2026-11-25T10:00:00.000Z', ...payload }, 'notification-1');

describe('queryKeysFor', () => {
  it.each(EVENT_NAMES)('invalidates every query of the resource %s concerns', (name) => {
    expect(queryKeysFor(event(name, {}))).toContainEqual([EVENT_RESOURCE[name]]);
  });

  it('refreshes the history (audit events) with ticket and lead changes, and the SLA log with ticket changes', () => {
    expect(queryKeysFor(event('ticket.updated', { assigneeId: null }))).toEqual([['tickets'], ['audit-events'], ['sla-events']]);
    expect(queryKeysFor(event('ticket.created', { assigneeId: null }))).toEqual([['tickets'], ['audit-events'], ['sla-events']]);
    expect(queryKeysFor(event('lead.updated', { ownerId: null }))).toEqual([['leads'], ['audit-events']]);
  });

  it('refreshes tickets and the SLA log with SLA alerts', () => {
    expect(queryKeysFor(event('sla.breached', { ticketId: 't-1' }))).toEqual([['tickets'], ['sla-events']]);
  });

  it('refreshes notifications only (list, bell count and dropdown share the prefix) with a notification', () => {
    expect(queryKeysFor(notification({}))).toEqual([['notifications']]);
  });

  it('refreshes the lead and the ticket a call is linked to, and nothing more when it is not linked', () => {
    expect(queryKeysFor(event('call-log.created', { agentId: ME, leadId: 'lead-1', ticketId: 'ticket-1' }))).toEqual([['call-logs'], ['leads'], ['tickets']]);
    expect(queryKeysFor(event('call-log.updated', { agentId: ME, leadId: null, ticketId: null }))).toEqual([['call-logs']]);
  });

  it('ignores names outside the catalogue', () => {
    expect(queryKeysFor(event('auth:expired' as EventName, {}))).toEqual([]);
  });
});

describe('toastFor', () => {
  it('shows my notification with its title, keyed by type and record', () => {
    expect(toastFor(notification({}), ME)).toEqual({ message: 'Ticket #1001 was assigned to you', type: 'info', key: 'ticket.assigned:ticket-1' });
  });

  it('marks SLA notifications as warning and error', () => {
    expect(toastFor(notification({ type: 'sla.warning', title: 'SLA warning' }), ME)?.type).toBe('warning');
    expect(toastFor(notification({ type: 'sla.breached', title: 'SLA breached' }), ME)?.type).toBe('error');
  });

  it('shows nothing for somebody else\'s notification', () => {
    expect(toastFor(notification({ userId: OTHER }), ME)).toBeNull();
  });

  it('keys a notification without a record by the notification', () => {
    expect(toastFor(notification({ type: 'call.missed', resource: null, resourceId: null }), ME)?.key).toBe('call.missed:notification-1');
  });

  it('warns the users a warning notified (the assignee), and nobody else', () => {
    const warning = event('sla.warning', { ticketId: 'ticket-1', metric: 'first_response', threshold: 75, assigneeId: ME, number: 1001, notifiedUserIds: [ME] });
    expect(toastFor(warning, ME)).toEqual({
      message: 'SLA warning: first response due soon on ticket #1001 (75% of the time used)',
      type: 'warning',
      key: 'sla.warning:ticket-1',
    });
    expect(toastFor(warning, OTHER)).toBeNull();
  });

  it('warns the supervisors a warning on an unassigned ticket notified', () => {
    const warning = event('sla.warning', { ticketId: 'ticket-1', metric: 'resolution', threshold: 90, assigneeId: null, number: 1001, notifiedUserIds: [SUPERVISOR] });
    expect(toastFor(warning, SUPERVISOR)?.type).toBe('warning');
    expect(toastFor(warning, ME)).toBeNull();
  });

  it('tells of a breach the assignee, supervisors and org admins it notified, not the other agents', () => {
    const breach = event('sla.breached', { ticketId: 'ticket-1', metric: 'resolution', assigneeId: ME, notifiedUserIds: [ME, SUPERVISOR, ADMIN] });
    const expected = { message: 'SLA breached: resolution target missed on a ticket', type: 'error', key: 'sla.breached:ticket-1' };
    for (const user of [ME, SUPERVISOR, ADMIN]) expect(toastFor(breach, user)).toEqual(expected);
    expect(toastFor(breach, OTHER)).toBeNull();
  });

  it('falls back to the assignee for an alert that does not list whom it notified', () => {
    const breach = event('sla.breached', { ticketId: 'ticket-1', metric: 'first_response', assigneeId: ME, number: 1002 });
    expect(toastFor(breach, ME)?.message).toBe('SLA breached: first response target missed on ticket #1002');
    expect(toastFor(breach, SUPERVISOR)).toBeNull();
  });

  it('gives an SLA alert and its notification the same key, so only one is shown', () => {
    const alert = toastFor(event('sla.warning', { ticketId: 'ticket-1', assigneeId: ME }), ME);
    const note = toastFor(notification({ type: 'sla.warning', resource: 'tickets', resourceId: 'ticket-1' }), ME);
    expect(alert?.key).toBe(note?.key);
  });

  it('does not toast ticket changes, even an assignment to me (the notification does, when someone else assigned it)', () => {
    expect(toastFor(event('ticket.updated', { assigneeId: ME, changed: ['assigneeId'] }), ME)).toBeNull();
    expect(toastFor(event('ticket.created', { assigneeId: ME }), ME)).toBeNull();
    expect(toastFor(event('call-log.created', { agentId: ME }), ME)).toBeNull();
  });
});

describe('createToastGate', () => {
  it('lets a key through once per window', () => {
    let clock = 0;
    const pass = createToastGate(30_000, () => clock);
    expect([pass('a'), pass('a'), pass('b')]).toEqual([true, false, true]);
    clock = 29_999;
    expect(pass('a')).toBe(false);
    clock = 30_000;
    expect(pass('a')).toBe(true);
  });
});

describe('isDataQuery', () => {
  it('refetches resource queries after a gap, not the session\'s auth answers', () => {
    expect(isDataQuery(['tickets', 'getList', {}])).toBe(true);
    expect(isDataQuery(['notifications', 'unreadCount'])).toBe(true);
    expect(isDataQuery(['auth', 'getIdentity'])).toBe(false);
    expect(isDataQuery(['auth', 'canAccess', ['users'], 'list'])).toBe(false);
  });
});
