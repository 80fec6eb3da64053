import { sessionFromMe } from '../providers/session';
import { meFor, USER_ID } from '../providers/__tests__/me';
import { assignableRoles, editableUserFields } from './userAccess';

const ability = (role: Parameters<typeof meFor>[0]) => sessionFromMe(meFor(role)).ability;
const OTHER = { id: '44444444-4444-4444-8444-444444444444', role: 'agent' as const };

describe('assignableRoles', () => {
  it('never offers super_admin, not even to a super admin', () => {
    expect(assignableRoles(ability('super_admin'))).toEqual(['org_admin', 'supervisor', 'agent']);
    expect(assignableRoles(ability('org_admin'))).toEqual(['org_admin', 'supervisor', 'agent']);
  });

  it('offers an org admin every tenant role when editing someone', () => {
    expect(assignableRoles(ability('org_admin'), OTHER)).toEqual(['org_admin', 'supervisor', 'agent']);
  });

  it('offers nothing to whom may not create users or change roles', () => {
    expect(assignableRoles(ability('supervisor'))).toEqual([]);
    expect(assignableRoles(ability('agent'))).toEqual([]);
    expect(assignableRoles(ability('agent'), { id: USER_ID, role: 'agent' })).toEqual([]);
  });
});

describe('editableUserFields', () => {
  it('lets an org admin change every field of a colleague', () => {
    expect([...editableUserFields(ability('org_admin'), OTHER)].sort()).toEqual(['active', 'email', 'name', 'password', 'phone', 'role']);
  });

  it('lets an agent change only their own name, phone and password', () => {
    expect([...editableUserFields(ability('agent'), { id: USER_ID, role: 'agent' })].sort()).toEqual(['name', 'password', 'phone']);
    expect([...editableUserFields(ability('agent'), OTHER)]).toEqual([]);
  });

  it('lets a supervisor change nothing', () => {
    expect([...editableUserFields(ability('supervisor'), OTHER)]).toEqual([]);
  });
});
