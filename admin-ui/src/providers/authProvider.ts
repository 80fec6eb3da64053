import type { AppAbility, UserPrincipal } from '@callpro/permissions';
import { fetchUtils, HttpError, type AuthProvider, type UserIdentity } from 'ra-core';
import { canAccessResource } from './canAccess';
import { API_URL, EXPIRY_SKEW_MS, authenticatedHttp, hasStatus, type AuthenticatedHttp, type FetchJson } from './httpClient';
import { createSessionCache, type MeResponse, type SessionCache, type SessionTenant, type SessionUser } from './session';
import { tenantChoice as browserTenantChoice, type TenantChoice } from './tenantChoice';
import { tokenStore as browserTokenStore, type SessionTokens, type TokenStore } from './tokenStore';

/** What `useGetIdentity()` returns: react-admin's fields plus the session's user, tenant and principal. */
export interface CallproIdentity extends UserIdentity {
  id: string;
  fullName: string;
  user: SessionUser;
  tenant: SessionTenant | null;
  principal: UserPrincipal;
}

export interface AuthProviderDeps {
  http: AuthenticatedHttp;
  tokens: TokenStore;
  tenantChoice: TenantChoice;
  fetchJson?: FetchJson;
  apiUrl?: string;
}

export interface CallproAuthProvider extends AuthProvider {
  getIdentity(): Promise<CallproIdentity>;
  getPermissions(params?: unknown): Promise<AppAbility>;
  canAccess: NonNullable<AuthProvider['canAccess']>;
  /** A super admin acts on another tenant (null: none); the caller reloads the app afterwards. */
  switchTenant(tenantId: string | null): void;
}

/** Rejecting with `message: false` sends to the login page without a "logged out" notification. */
const SILENT = { message: false } as const;

export function createAuthProvider({ http, tokens, tenantChoice, fetchJson = fetchUtils.fetchJson, apiUrl = API_URL }: AuthProviderDeps): CallproAuthProvider {
  const loadMe = async (): Promise<MeResponse> => {
    if (!tokens.accessToken && !tokens.refreshToken) throw new HttpError('Not logged in', 401, null);
    const get = async () => (await http.httpClient(`${apiUrl}/auth/me`)).json as MeResponse;
    try {
      return await get();
    } catch (error) {
      // a remembered tenant that no longer exists (or a mangled id) would fail every request
      if (tenantChoice.get() && (hasStatus(error, 404) || hasStatus(error, 400))) {
        tenantChoice.clear();
        return get();
      }
      throw error;
    }
  };
  const session: SessionCache = createSessionCache(loadMe);

  const endSession = () => {
    tokens.clear();
    tenantChoice.clear();
    session.invalidate();
  };

  return {
    async login(params: { email?: string; username?: string; password: string }) {
      const body = JSON.stringify({ email: params.email ?? params.username, password: params.password });
      const { json } = await fetchJson(`${apiUrl}/auth/login`, { method: 'POST', body });
      const answer = json as SessionTokens & { user: SessionUser };
      tokens.save(answer);
      // a tenant chosen in an earlier session is not this user's choice
      if (answer.user.role !== 'super_admin') tenantChoice.clear();
      session.invalidate();
    },

    async logout() {
      try {
        if (tokens.refreshToken && tokens.accessTokenExpired(EXPIRY_SKEW_MS)) await http.refresh();
        const refreshToken = tokens.refreshToken;
        if (refreshToken && tokens.accessToken) {
          const headers = new Headers({ Accept: 'application/json', Authorization: `Bearer ${tokens.accessToken}` });
          await fetchJson(`${apiUrl}/auth/logout`, { method: 'POST', headers, body: JSON.stringify({ refreshToken }) });
        }
      } catch {
        // the server-side session then ends when its refresh token expires; locally it ends now
      } finally {
        endSession();
      }
    },

    async checkAuth() {
      if (!tokens.accessToken && !tokens.refreshToken) throw SILENT;
    },

    async checkError(error: unknown) {
      // 403: logged in, just not allowed; anything else is not about the session either
      if (!hasStatus(error, 401)) return;
      try {
        await http.refresh();
      } catch {
        endSession();
        throw new Error('Your session has ended. Please log in again.');
      }
    },

    async getIdentity() {
      const { user, tenant, principal } = await session.get();
      return { id: user.id, fullName: user.name, user, tenant, principal };
    },

    async getPermissions() {
      return (await session.get()).ability;
    },

    async canAccess(params) {
      const { ability, tenant } = await session.get();
      return canAccessResource({ ability, tenantId: tenant?.id ?? null }, params);
    },

    switchTenant(tenantId) {
      if (tenantId) tenantChoice.set(tenantId);
      else tenantChoice.clear();
      session.invalidate();
    },
  };
}

export const authProvider = createAuthProvider({ http: authenticatedHttp, tokens: browserTokenStore, tenantChoice: browserTenantChoice });
