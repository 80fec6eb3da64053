import type { Role } from '@callpro/contracts';
import { abilityFromPackedRules, type AppAbility, type PackedRules, type UserPrincipal } from '@callpro/permissions';

/** GET /auth/me → user. */
export interface SessionUser {
  id: string;
  tenantId: string | null;
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  active: boolean;
}

/** GET /auth/me → tenant: the user's own, or the one a super admin chose. */
export interface SessionTenant {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  defaultCountry: string;
  active: boolean;
}

export interface MeResponse {
  user: SessionUser;
  tenant: SessionTenant | null;
  rules: PackedRules;
}

export interface Session {
  user: SessionUser;
  /** The tenant the UI acts in; null only for a super admin who has not chosen one. */
  tenant: SessionTenant | null;
  principal: UserPrincipal;
  /** The server's rules for this session, rebuilt: the UI decides exactly as the API does. */
  ability: AppAbility;
}

export function sessionFromMe(me: MeResponse): Session {
  return {
    user: me.user,
    tenant: me.tenant,
    principal: { kind: 'user', userId: me.user.id, tenantId: me.tenant?.id ?? null, role: me.user.role },
    ability: abilityFromPackedRules(me.rules),
  };
}

export interface SessionCache {
  get(): Promise<Session>;
  /** Forget the session (login, logout, tenant switch): the next `get` asks the server. */
  invalidate(): void;
}

/** The rules carry time-bound conditions (an agent's 15-minute note edit window), so they go stale. */
export const SESSION_TTL_MS = 60_000;

/**
 * One GET /auth/me shared by getIdentity, getPermissions and every canAccess check: concurrent
 * callers share the request in flight, the answer is reused for `ttlMs`, a failure is not kept.
 */
export function createSessionCache(load: () => Promise<MeResponse>, ttlMs = SESSION_TTL_MS, now: () => number = Date.now): SessionCache {
  let cached: { session: Promise<Session>; loadedAt: number } | null = null;

  return {
    get() {
      if (cached && now() - cached.loadedAt < ttlMs) return cached.session;
      const mine = { loadedAt: now(), session: load().then(sessionFromMe) };
      cached = mine;
      mine.session.catch(() => {
        if (cached === mine) cached = null;
      });
      return mine.session;
    },
    invalidate() {
      cached = null;
    },
  };
}
