import { fetchUtils, HttpError } from 'ra-core';
import { tenantChoice as browserTenantChoice, type TenantChoice } from './tenantChoice';
import { tokenStore as browserTokenStore, type SessionTokens, type TokenStore } from './tokenStore';

export const API_URL = '/api/v1';

export type FetchJson = typeof fetchUtils.fetchJson;
export type HttpClient = (url: string, options?: fetchUtils.Options) => ReturnType<FetchJson>;
/** Runs `task` while holding a lock shared by every tab of this origin. */
export type CrossTabLock = <T>(task: () => Promise<T>) => Promise<T>;

/** Refresh this long before the access token expires, so a request never races its expiry. */
export const EXPIRY_SKEW_MS = 10_000;

export interface HttpClientDeps {
  tokens: TokenStore;
  tenantChoice: Pick<TenantChoice, 'get'>;
  fetchJson?: FetchJson;
  lock?: CrossTabLock;
  apiUrl?: string;
}

export interface AuthenticatedHttp {
  /** ra's fetchJson plus Bearer and X-Tenant-Id; on a 401 it refreshes once and retries. */
  httpClient: HttpClient;
  /**
   * Rotates the token pair and resolves to the new access token. Refresh tokens are single use and
   * a reused one revokes the whole login, so callers arriving while a refresh is in flight share it.
   */
  refresh(): Promise<string>;
}

export function hasStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === status;
}

const noLock: CrossTabLock = (task) => task();

export function createAuthenticatedHttp({
  tokens,
  tenantChoice,
  fetchJson = fetchUtils.fetchJson,
  lock = noLock,
  apiUrl = API_URL,
}: HttpClientDeps): AuthenticatedHttp {
  let inFlight: Promise<string> | null = null;

  const rotate = async (): Promise<string> => {
    // read inside the lock: another tab may have rotated it while this one waited
    const refreshToken = tokens.refreshToken;
    if (!refreshToken) throw new HttpError('Your session has ended. Please log in again.', 401, null);
    try {
      const { json } = await fetchJson(`${apiUrl}/auth/refresh`, { method: 'POST', body: JSON.stringify({ refreshToken }) });
      tokens.save(json as SessionTokens);
      return (json as SessionTokens).accessToken;
    } catch (error) {
      // a refused token is dead for good; a network failure leaves it for the next try
      if (hasStatus(error, 401) || hasStatus(error, 400)) tokens.clear();
      throw error;
    }
  };

  const refresh = (): Promise<string> => {
    inFlight ??= lock(rotate).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const send = (url: string, options: fetchUtils.Options, accessToken: string | null) => {
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
    const tenantId = tenantChoice.get();
    if (tenantId) headers.set('X-Tenant-Id', tenantId);
    return fetchJson(url, { ...options, headers });
  };

  const httpClient: HttpClient = async (url, options = {}) => {
    let accessToken = tokens.accessToken;
    if (tokens.refreshToken && tokens.accessTokenExpired(EXPIRY_SKEW_MS)) accessToken = await refresh();
    try {
      return await send(url, options, accessToken);
    } catch (error) {
      if (!hasStatus(error, 401) || !tokens.refreshToken) throw error;
      // another request may already have refreshed since this one was sent
      const current = tokens.accessToken;
      const retryToken = current && current !== accessToken ? current : await refresh();
      return send(url, options, retryToken);
    }
  };

  return { httpClient, refresh };
}

/** Web Locks where the browser has them (all current ones); otherwise each tab only de-duplicates its own. */
export const webLock: CrossTabLock = (task) =>
  typeof navigator !== 'undefined' && navigator.locks
    ? (navigator.locks.request('callpro.refresh', task) as ReturnType<typeof task>)
    : task();

export const authenticatedHttp = createAuthenticatedHttp({ tokens: browserTokenStore, tenantChoice: browserTenantChoice, lock: webLock });
export const httpClient = authenticatedHttp.httpClient;
