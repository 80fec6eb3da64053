import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccessClaims } from './token.service';

interface SessionState {
  ok: boolean;
  version: number;
  role: string;
  tenantId: string | null;
  at: number;
}

/** How long a user's active/role/version state is trusted before it is read again. */
const CACHE_MS = 5_000;

/**
 * Refuses access tokens whose user was deactivated, changed role or password, or whose tenant was
 * deactivated, within CACHE_MS on every instance (rather than waiting for the token to expire).
 */
@Injectable()
export class SessionCheck {
  private readonly cache = new Map<string, SessionState>();

  constructor(private readonly em: EntityManager) {}

  /** The token must match the user as stored: active, same version, role and tenant. */
  async isCurrent(claims: Pick<AccessClaims, 'sub' | 'ver' | 'role' | 'tid'>): Promise<boolean> {
    const state = await this.state(claims.sub);
    return state.ok && state.version === claims.ver && state.role === claims.role && state.tenantId === (claims.tid ?? null);
  }

  /** Forget a user's cached state (same instance) after a change. */
  invalidate(userId: string): void {
    this.cache.delete(userId);
  }

  private async state(userId: string): Promise<SessionState> {
    const hit = this.cache.get(userId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit;
    // before any tenant is known: through auth_user_by_id (SECURITY DEFINER; row-level security)
    const rows: { active: boolean; token_version: number; role: string; tenant_id: string | null; tenant_active: boolean | null }[] =
      await this.em.getConnection().execute(
        `select u.active, u.token_version, u.role, u.tenant_id, t.active as tenant_active
           from auth_user_by_id(?) u left join tenants t on t.id = u.tenant_id`,
        [userId],
      );
    const row = rows[0];
    const state: SessionState = row
      ? { ok: row.active && row.tenant_active !== false, version: row.token_version, role: row.role, tenantId: row.tenant_id, at: Date.now() }
      : { ok: false, version: -1, role: '', tenantId: null, at: Date.now() };
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(userId, state);
    return state;
  }
}
