import { createAuthProvider } from './authProvider';
import { createAuthenticatedHttp } from './httpClient';
import { createTenantChoice } from './tenantChoice';
import { fakeAuthServer, memoryStorage } from './__tests__/fakeAuthServer';
import { meFor, OTHER_TENANT_ID, TENANT_ID } from './__tests__/me';
import { createTokenStore } from './tokenStore';
import type { MeResponse } from './session';

function setup(me: MeResponse = meFor('org_admin'), routes = {}) {
  const server = fakeAuthServer(me, routes);
  const sessionStorage = memoryStorage();
  const localStorage = memoryStorage();
  const storages = { session: () => sessionStorage, local: () => localStorage };
  const tokens = createTokenStore(storages);
  const tenantChoice = createTenantChoice(storages);
  const http = createAuthenticatedHttp({ tokens, tenantChoice, fetchJson: server.fetchJson });
  const auth = createAuthProvider({ http, tokens, tenantChoice, fetchJson: server.fetchJson });
  return { server, tokens, tenantChoice, auth, localStorage };
}

describe('authProvider', () => {
  describe('login', () => {
    it('posts email and password (also from react-admin\'s "username") and stores the tokens', async () => {
      const { server, auth, tokens } = setup();
      await auth.login({ username: 'admin@acme.test', password: 'right-password' });
      expect(server.callsTo('/auth/login')[0].body).toEqual({ email: 'admin@acme.test', password: 'right-password' });
      expect([tokens.accessToken, tokens.refreshToken]).toEqual(['access-1', 'refresh-1']);
      await expect(auth.checkAuth({})).resolves.toBeUndefined();
    });

    it('rejects with the server\'s message on wrong credentials and stores nothing', async () => {
      const { auth, tokens } = setup();
      await expect(auth.login({ email: 'admin@acme.test', password: 'wrong' })).rejects.toMatchObject({ message: 'Wrong email or password' });
      expect(tokens.refreshToken).toBeNull();
      await expect(auth.checkAuth({})).rejects.toEqual({ message: false });
    });

    it('drops a tenant chosen earlier when the user is not a super admin', async () => {
      const { auth, tenantChoice } = setup(meFor('agent'));
      tenantChoice.set(OTHER_TENANT_ID);
      await auth.login({ email: 'agent@acme.test', password: 'right-password' });
      expect(tenantChoice.get()).toBeNull();
    });
  });

  describe('logout', () => {
    it('revokes the refresh token on the server, with Bearer, and forgets everything locally', async () => {
      const { server, auth, tokens, tenantChoice } = setup(meFor('super_admin'));
      await auth.login({ email: 'root@callpro.dev', password: 'right-password' });
      tenantChoice.set(TENANT_ID);
      await auth.logout({});
      const [call] = server.callsTo('/auth/logout');
      expect(call.body).toEqual({ refreshToken: 'refresh-1' });
      expect(call.headers.get('Authorization')).toBe('Bearer access-1');
      expect([tokens.accessToken, tokens.refreshToken, tenantChoice.get()]).toEqual([null, null, null]);
      await expect(auth.checkAuth({})).rejects.toEqual({ message: false });
    });

    it('ends the local session even when the server cannot be reached', async () => {
      const { auth, tokens, server } = setup();
      await auth.login({ email: 'a@b.test', password: 'right-password' });
      server.expireAccessTokens();
      tokens.save({ accessToken: 'access-1', refreshToken: 'unknown', expiresIn: 0 });
      await expect(auth.logout({})).resolves.toBeUndefined();
      expect(tokens.refreshToken).toBeNull();
    });
  });

  describe('checkError', () => {
    it('on a 401 refreshes silently and keeps the user logged in', async () => {
      const { auth, server, tokens } = setup();
      await auth.login({ email: 'a@b.test', password: 'right-password' });
      await expect(auth.checkError({ status: 401 })).resolves.toBeUndefined();
      expect(server.callsTo('/auth/refresh')).toHaveLength(1);
      expect(tokens.accessToken).toBe('access-2');
    });

    it('on a 401 whose refresh fails, rejects (react-admin logs out) and clears the tokens', async () => {
      const { auth, tokens } = setup();
      await auth.login({ email: 'a@b.test', password: 'right-password' });
      tokens.save({ accessToken: 'access-1', refreshToken: 'revoked', expiresIn: 900 });
      await expect(auth.checkError({ status: 401 })).rejects.toThrow(/session has ended/);
      expect(tokens.refreshToken).toBeNull();
    });

    it('stays logged in on a 403 and other errors, without refreshing', async () => {
      const { auth, server } = setup();
      await auth.login({ email: 'a@b.test', password: 'right-password' });
      await expect(auth.checkError({ status: 403 })).resolves.toBeUndefined();
      await expect(auth.checkError({ status: 500 })).resolves.toBeUndefined();
      await expect(auth.checkError(new TypeError('Failed to fetch'))).resolves.toBeUndefined();
      expect(server.callsTo('/auth/refresh')).toHaveLength(0);
    });
  });

  describe('identity, permissions and canAccess from one cached GET /auth/me', () => {
    it('builds them all from a single request', async () => {
      const { auth, server } = setup(meFor('agent'));
      await auth.login({ email: 'agent@acme.test', password: 'right-password' });
      const [identity, ability, canListUsers, canCreateUsers] = await Promise.all([
        auth.getIdentity(),
        auth.getPermissions({}),
        auth.canAccess({ action: 'list', resource: 'users' }),
        auth.canAccess({ action: 'create', resource: 'users' }),
      ]);
      expect(identity).toMatchObject({ fullName: 'A agent', user: { role: 'agent' }, tenant: { name: 'Acme Support' } });
      expect(ability.can('update', 'Ticket')).toBe(true);
      expect([canListUsers, canCreateUsers]).toEqual([true, false]);
      await auth.getIdentity();
      expect(server.callsTo('/auth/me')).toHaveLength(1);
    });

    it('does not ask the server without a session', async () => {
      const { auth, server } = setup();
      await expect(auth.getIdentity()).rejects.toMatchObject({ status: 401 });
      expect(server.calls).toHaveLength(0);
    });

    it('asks again after login: a new user never gets the previous one\'s identity', async () => {
      const { auth, server } = setup(meFor('agent'));
      await auth.login({ email: 'agent@acme.test', password: 'right-password' });
      await auth.getIdentity();
      await auth.logout({});
      await auth.login({ email: 'agent@acme.test', password: 'right-password' });
      await auth.getIdentity();
      expect(server.callsTo('/auth/me')).toHaveLength(2);
    });

    it('sends a super admin\'s chosen tenant and gates tenant data on it', async () => {
      const superMe = (call: { headers: Headers }) => meFor('super_admin', call.headers.get('X-Tenant-Id'));
      const { auth, server } = setup(meFor('super_admin', null), { '/auth/me': superMe });
      await auth.login({ email: 'root@callpro.dev', password: 'right-password' });
      expect(await auth.canAccess({ action: 'list', resource: 'users' })).toBe(false);
      auth.switchTenant(TENANT_ID);
      expect(await auth.canAccess({ action: 'list', resource: 'users' })).toBe(true);
      expect((await auth.getIdentity()).tenant?.id).toBe(TENANT_ID);
      expect(server.callsTo('/auth/me').map((c) => c.headers.get('X-Tenant-Id'))).toEqual([null, TENANT_ID]);
    });

    it('forgets a remembered tenant that no longer exists instead of failing every request', async () => {
      const me = (call: { headers: Headers }) => {
        if (call.headers.get('X-Tenant-Id') === OTHER_TENANT_ID) throw server.problem(404, 'Tenant not found');
        return meFor('super_admin', null);
      };
      const { auth, tenantChoice, server } = setup(meFor('super_admin', null), { '/auth/me': me });
      await auth.login({ email: 'root@callpro.dev', password: 'right-password' });
      tenantChoice.set(OTHER_TENANT_ID);
      expect((await auth.getIdentity()).tenant).toBeNull();
      expect(tenantChoice.get()).toBeNull();
    });
  });
});
