import { HttpError } from 'ra-core';
import type { FetchJson } from '../httpClient';
import type { MeResponse } from '../session';
import type { KeyValueStorage } from '../tokenStore';

/** A Map-backed Web Storage stand-in. */
export function memoryStorage(): KeyValueStorage & { entries(): Record<string, string> } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    entries: () => Object.fromEntries(map),
  };
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

type Handler = (call: RecordedCall) => unknown;

/**
 * The auth API as the UI relies on it, in memory: access tokens that can be expired at will, and
 * single-use refresh tokens whose reuse revokes every token of the login (as the real API does).
 * Other routes answer through `routes`; they need a live access token.
 */
export function fakeAuthServer(me: MeResponse, routes: Record<string, Handler> = {}) {
  let serial = 0;
  const liveAccess = new Set<string>();
  const refreshTokens = new Map<string, 'live' | 'used'>();
  const calls: RecordedCall[] = [];
  let revoked = false;

  const issue = () => {
    serial += 1;
    const pair = { accessToken: `access-${serial}`, refreshToken: `refresh-${serial}`, expiresIn: 900, user: me.user };
    liveAccess.add(pair.accessToken);
    refreshTokens.set(pair.refreshToken, 'live');
    return pair;
  };
  const ok = (json: unknown, status = 200) => ({ status, headers: new Headers(), body: JSON.stringify(json ?? ''), json });
  const problem = (status: number, message: string) => new HttpError(message, status, { status, message });

  const fetchJson = (async (url: string, options: { method?: string; headers?: HeadersInit; body?: unknown } = {}) => {
    // a real request never answers in the same tick
    await new Promise((resolve) => setTimeout(resolve, 1));
    const call: RecordedCall = {
      url,
      method: options.method ?? 'GET',
      headers: new Headers(options.headers),
      body: typeof options.body === 'string' ? JSON.parse(options.body) : undefined,
    };
    calls.push(call);
    const path = url.replace(/^\/api\/v1/, '');
    if (path === '/auth/login') {
      const { password } = call.body as { password: string };
      if (password !== 'right-password') throw problem(401, 'Wrong email or password');
      return ok(issue());
    }
    if (path === '/auth/refresh') {
      const { refreshToken } = call.body as { refreshToken: string };
      const state = refreshTokens.get(refreshToken);
      if (state === 'used') {
        revoked = true;
        liveAccess.clear();
        for (const key of refreshTokens.keys()) refreshTokens.set(key, 'used');
      }
      if (state !== 'live') throw problem(401, 'Unknown, expired, reused or revoked refresh token');
      refreshTokens.set(refreshToken, 'used');
      return ok(issue());
    }
    const bearer = call.headers.get('Authorization')?.replace(/^Bearer /, '');
    if (!bearer || !liveAccess.has(bearer)) throw problem(401, 'Missing, invalid or expired credentials');
    if (path === '/auth/logout') {
      refreshTokens.set((call.body as { refreshToken: string }).refreshToken, 'used');
      return ok(null, 204);
    }
    if (path === '/auth/me') return ok(routes['/auth/me'] ? routes['/auth/me'](call) : me);
    const handler = routes[path];
    if (!handler) throw problem(404, 'Not found');
    return ok(handler(call));
  }) as unknown as FetchJson;

  return {
    fetchJson,
    calls,
    /** Logs a user in out of band and returns the token pair. */
    issue,
    /** Every access token issued so far stops working (as if they had expired). */
    expireAccessTokens: () => liveAccess.clear(),
    /** True once a used refresh token was presented again. */
    get familyRevoked() {
      return revoked;
    },
    callsTo: (path: string) => calls.filter((c) => c.url.endsWith(path)),
    problem,
  };
}
