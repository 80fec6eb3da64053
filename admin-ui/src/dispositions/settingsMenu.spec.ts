import type { Role } from '@callpro/contracts';
import { menuEntries } from '../layout/menuEntries';
import { sessionFromMe } from '../providers/session';
import { meFor, TENANT_ID } from '../providers/__tests__/me';

const RESOURCES = ['call-logs', 'dispositions', 'api-keys'];
const listed = (role: Role) => {
  const { ability, tenant } = sessionFromMe(meFor(role, TENANT_ID));
  // custom pages (CRM Analytics) are not what this is about
  return menuEntries({ ability, tenantId: tenant?.id ?? null }, RESOURCES)
    .filter((e) => e.kind !== 'page')
    .map((e) => (e.kind === 'resource' ? e.resource : e.label));
};

describe('menu: call logs and the call settings screens', () => {
  it('lists Call logs, Dispositions and API keys for an org admin', () => {
    expect(listed('org_admin')).toEqual(['call-logs', 'dispositions', 'api-keys']);
  });

  it.each(['supervisor', 'agent'] as const)('lists only Call logs for a %s, who reads dispositions but does not manage them', (role) => {
    expect(sessionFromMe(meFor(role)).ability.can('read', 'Disposition')).toBe(true);
    expect(listed(role)).toEqual(['call-logs']);
  });
});
