import { defineAbilityFor, type Principal } from '@callpro/permissions';
import { ProblemException } from '../common/errors/problem';
import { assertTeamAnalytics, resolveAgentScope } from './analytics-scope';

const tenantId = '00000000-0000-4000-8000-000000000001';
const self = '00000000-0000-4000-8000-0000000000aa';
const other = '00000000-0000-4000-8000-0000000000bb';
const user = (role: 'org_admin' | 'supervisor' | 'agent' | 'super_admin'): Principal => ({ kind: 'user', userId: self, tenantId, role });
const scope = (p: Principal, requested?: string) => resolveAgentScope(p, defineAbilityFor(p), requested);
const status = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (e) {
    return (e as ProblemException).getStatus();
  }
};

describe('resolveAgentScope', () => {
  it.each(['org_admin', 'supervisor', 'super_admin'] as const)('gives a %s the whole tenant, or the agent they name', (role) => {
    expect(scope(user(role))).toBeNull();
    expect(scope(user(role), other)).toBe(other);
  });

  it('gives an API key with analytics:read the whole tenant', () => {
    const key: Principal = { kind: 'apiKey', keyId: 'k', tenantId, scopes: ['analytics:read'] };
    expect(scope(key)).toBeNull();
    expect(scope(key, other)).toBe(other);
  });

  it('forces an agent to their own figures, and refuses them anyone else’s (403)', () => {
    expect(scope(user('agent'))).toBe(self);
    expect(scope(user('agent'), self)).toBe(self);
    expect(status(() => scope(user('agent'), other))).toBe(403);
  });

  it('refuses an API key without analytics:read', () => {
    expect(status(() => scope({ kind: 'apiKey', keyId: 'k', tenantId, scopes: ['calls:read'] }))).toBe(403);
  });
});

describe('assertTeamAnalytics', () => {
  const check = (p: Principal) => status(() => assertTeamAnalytics(defineAbilityFor(p)));

  it.each(['org_admin', 'supervisor', 'super_admin'] as const)('lets a %s compare agents', (role) => {
    expect(check(user(role))).toBe(200);
  });

  it('lets an API key with analytics:read compare agents, not one without', () => {
    expect(check({ kind: 'apiKey', keyId: 'k', tenantId, scopes: ['analytics:read'] })).toBe(200);
    expect(check({ kind: 'apiKey', keyId: 'k', tenantId, scopes: ['calls:read'] })).toBe(403);
  });

  it('refuses an agent, though they may read their own figures (403)', () => {
    expect(scope(user('agent'))).toBe(self);
    expect(check(user('agent'))).toBe(403);
  });
});
