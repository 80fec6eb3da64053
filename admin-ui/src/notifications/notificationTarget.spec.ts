import { canAccessResource } from '../providers/canAccess';
import { sessionFromMe } from '../providers/session';
import { meFor, TENANT_ID, USER_ID } from '../providers/__tests__/me';
import { notificationTarget, type MayOpen } from './notificationTarget';

const RESOURCES = {
  tickets: { hasList: true, hasShow: true, hasEdit: true },
  leads: { hasList: true, hasEdit: true },
  reports: { hasList: true },
};

describe('notificationTarget', () => {
  it('opens the record\'s show page', () => {
    expect(notificationTarget({ resource: 'tickets', resourceId: 'ticket-1' }, RESOURCES)).toBe('/tickets/ticket-1/show');
  });

  it('opens the edit page when the resource has no show view, else its list', () => {
    expect(notificationTarget({ resource: 'leads', resourceId: 'lead-1' }, RESOURCES)).toBe('/leads/lead-1');
    expect(notificationTarget({ resource: 'reports', resourceId: 'r-1' }, RESOURCES)).toBe('/reports');
  });

  it('leads nowhere without a resource, or for a resource this UI does not have', () => {
    expect(notificationTarget({ resource: null, resourceId: null }, RESOURCES)).toBeNull();
    expect(notificationTarget({ resource: 'call-logs', resourceId: 'c-1' }, RESOURCES)).toBeNull();
    expect(notificationTarget({ resource: 'toString', resourceId: 'x' }, RESOURCES)).toBeNull();
  });

  it('skips the views the user may not open, as the shared rules decide', () => {
    const mayOpenAs = (role: 'agent' | 'supervisor'): MayOpen => {
      const { ability } = sessionFromMe(meFor(role));
      return (action, resource, id) => canAccessResource({ ability, tenantId: TENANT_ID }, { action, resource, record: id ? { id } : undefined });
    };
    const users = { users: { hasList: true, hasEdit: true } };
    const ownProfile = { resource: 'users', resourceId: USER_ID };
    // agents may edit their own profile; supervisors only read users
    expect(notificationTarget(ownProfile, users, mayOpenAs('agent'))).toBe(`/users/${USER_ID}`);
    expect(notificationTarget(ownProfile, users, mayOpenAs('supervisor'))).toBe('/users');
    expect(notificationTarget(ownProfile, users, () => false)).toBeNull();
  });

  it('keeps an id with URL characters inside its path segment', () => {
    expect(notificationTarget({ resource: 'tickets', resourceId: 'a/b?c' }, RESOURCES)).toBe('/tickets/a%2Fb%3Fc/show');
  });
});
