import { sessionFromMe } from '../providers/session';
import { meFor, TENANT_ID } from '../providers/__tests__/me';
import { canChooseLeadOwner } from './leadAccess';

describe('canChooseLeadOwner', () => {
  it.each([
    ['agent', false],
    ['supervisor', true],
    ['org_admin', true],
  ] as const)('%s → %s', (role, expected) => {
    const { ability } = sessionFromMe(meFor(role));
    expect(canChooseLeadOwner({ ability, tenantId: TENANT_ID })).toBe(expected);
  });
});
