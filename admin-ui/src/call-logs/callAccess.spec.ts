import type { Role } from '@callpro/contracts';
import { sessionFromMe } from '../providers/session';
import { meFor, USER_ID } from '../providers/__tests__/me';
import { canWrapUp, seesTeamCalls } from './callAccess';

const ability = (role: Role) => sessionFromMe(meFor(role)).ability;
const COLLEAGUE = '44444444-4444-4444-8444-444444444444';

describe('seesTeamCalls', () => {
  it.each([
    ['org_admin', true],
    ['supervisor', true],
    ['super_admin', true],
    ['agent', false],
  ] as const)('%s → %s', (role, expected) => {
    expect(seesTeamCalls(ability(role))).toBe(expected);
  });
});

describe('canWrapUp', () => {
  it("lets an agent wrap up only their own calls", () => {
    expect(canWrapUp(ability('agent'), { agentId: USER_ID })).toBe(true);
    expect(canWrapUp(ability('agent'), { agentId: COLLEAGUE })).toBe(false);
    expect(canWrapUp(ability('agent'), { agentId: null })).toBe(false);
  });

  it('lets supervisors and admins wrap up any call', () => {
    for (const role of ['supervisor', 'org_admin'] as const) {
      expect(canWrapUp(ability(role), { agentId: COLLEAGUE })).toBe(true);
      expect(canWrapUp(ability(role), { agentId: null })).toBe(true);
    }
  });
});
