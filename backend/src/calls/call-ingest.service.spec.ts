import { defineAbilityFor } from '@callpro/permissions';
import { updateGuard } from './call-ingest.service';

describe('updateGuard: whose stored calls a re-send may move forward', () => {
  it('an agent: only their own', () => {
    expect(updateGuard(defineAbilityFor({ kind: 'user', userId: 'a1', tenantId: 't', role: 'agent' }))).toEqual({ kind: 'agent', agentId: 'a1' });
  });

  it.each(['supervisor', 'org_admin', 'super_admin'] as const)('a %s: any', (role) => {
    expect(updateGuard(defineAbilityFor({ kind: 'user', userId: 'u', tenantId: 't', role }))).toEqual({ kind: 'any' });
  });

  it('a key with calls:write: any; without it: none', () => {
    expect(updateGuard(defineAbilityFor({ kind: 'apiKey', keyId: 'k', tenantId: 't', scopes: ['calls:write'] }))).toEqual({ kind: 'any' });
    expect(updateGuard(defineAbilityFor({ kind: 'apiKey', keyId: 'k', tenantId: 't', scopes: ['calls:read'] }))).toEqual({ kind: 'none' });
  });
});
