/** The part of the Web Storage API the stores use (so tests can pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What login and refresh answer (POST /auth/login, POST /auth/refresh). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface TokenStore {
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  /** True when there is no access token or it expires within `skewMs`. */
  accessTokenExpired(skewMs?: number): boolean;
  save(tokens: SessionTokens): void;
  clear(): void;
}

const ACCESS_KEY = 'callpro.accessToken';
const EXPIRES_KEY = 'callpro.accessTokenExpiresAt';
const REFRESH_KEY = 'callpro.refreshToken';

/**
 * The access token lives in memory and in sessionStorage (survives a reload, not a new tab); the
 * refresh token in localStorage (a new tab or a restarted browser refreshes into a session).
 * The refresh token is read from storage on every use, never cached: another tab may have rotated it.
 */
export function createTokenStore(
  storages: { session: () => KeyValueStorage; local: () => KeyValueStorage },
  now: () => number = Date.now,
): TokenStore {
  let access: { token: string; expiresAt: number } | null | undefined;

  const loadAccess = () => {
    if (access === undefined) {
      const token = storages.session().getItem(ACCESS_KEY);
      const expiresAt = Number(storages.session().getItem(EXPIRES_KEY));
      access = token && Number.isFinite(expiresAt) ? { token, expiresAt } : null;
    }
    return access;
  };

  return {
    get accessToken() {
      return loadAccess()?.token ?? null;
    },
    get refreshToken() {
      return storages.local().getItem(REFRESH_KEY);
    },
    accessTokenExpired(skewMs = 0) {
      const current = loadAccess();
      return !current || current.expiresAt - skewMs <= now();
    },
    save({ accessToken, refreshToken, expiresIn }) {
      access = { token: accessToken, expiresAt: now() + expiresIn * 1000 };
      storages.session().setItem(ACCESS_KEY, accessToken);
      storages.session().setItem(EXPIRES_KEY, String(access.expiresAt));
      storages.local().setItem(REFRESH_KEY, refreshToken);
    },
    clear() {
      access = null;
      storages.session().removeItem(ACCESS_KEY);
      storages.session().removeItem(EXPIRES_KEY);
      storages.local().removeItem(REFRESH_KEY);
    },
  };
}

/** The browser's storages, looked up on use (so importing this module in node is harmless). */
export const browserStorages = {
  session: () => window.sessionStorage,
  local: () => window.localStorage,
};

export const tokenStore = createTokenStore(browserStorages);
