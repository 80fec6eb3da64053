import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config.service';
import { queryOnPool } from '../database/bound-sql';
import { currentTenantId } from '../database/tenant.filter';
import { RefreshToken } from './refresh-token.entity';
import { SessionCheck } from './session-check.service';

/** What became of a refresh token presented for rotation. */
export type Rotation =
  | { ok: true; userId: string; familyId: string; refreshToken: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'reused' };

/**
 * Refresh-token families: one per login. Tokens are opaque 256-bit random strings stored only as
 * SHA-256 hashes. Each use rotates the token; presenting one that was already rotated (or revoked)
 * means it leaked, so the whole family is revoked.
 */
@Injectable()
export class AuthSessions {
  constructor(
    private readonly config: AppConfig,
    private readonly sessionCheck: SessionCheck,
  ) {}

  /**
   * Starts a new family for a login and stamps the user's lastLoginAt, in one call of
   * auth_start_session (a login is otherwise all round trips: this replaces begin, set_config for
   * the user's tenant, the writes and commit). Only for the user just authenticated by password;
   * outside any transaction (the call is one statement).
   */
  async startAtLogin(em: EntityManager, userId: string, loginAt: Date): Promise<string> {
    const { token, row } = this.newToken(userId, randomUUID());
    await queryOnPool(em, 'select auth_start_session($1, $2, $3, $4, $5, $6)', [userId, loginAt, randomUUID(), row.familyId, row.tokenHash, row.expiresAt]);
    return token;
  }

  /**
   * Exchanges a refresh token for a new one of the same family, in its own transaction (committed
   * before returning). The conditional UPDATE claims the token, so of two concurrent rotations of
   * one token only one succeeds; the other finds it rotated and revokes the family.
   */
  async rotate(em: EntityManager, token: string): Promise<Rotation> {
    const tokenHash = hashToken(token);
    return em.transactional(async (tem) => {
      const row = await tem.findOne(RefreshToken, { tokenHash }, { refresh: true });
      if (!row) return { ok: false, reason: 'unknown' };
      // Lock the user's row first, as revokeAllForUser does: a revocation running meanwhile either
      // waits for this rotation and then also revokes the new token, or revokes the old one first.
      // (through auth_lock_user: no tenant is known yet, so row-level security would hide the row)
      await tem.execute('select auth_lock_user(?)', [row.userId]);
      const now = new Date();
      const claimed = await tem.nativeUpdate(
        RefreshToken,
        { id: row.id, rotatedAt: null, revokedAt: null, expiresAt: { $gt: now } },
        { rotatedAt: now, updatedAt: now },
      );
      if (!claimed) {
        const expired = !row.rotatedAt && !row.revokedAt && row.expiresAt <= now;
        if (expired) return { ok: false, reason: 'expired' };
        // rotated or revoked, before or during this call: the token was used twice
        await this.revokeFamily(tem, row.familyId);
        return { ok: false, reason: 'reused' };
      }
      const refreshToken = this.issue(tem, row.userId, row.familyId);
      return { ok: true, userId: row.userId, familyId: row.familyId, refreshToken };
    });
  }

  /** Revokes the family of `token` if it belongs to `userId` (logout); unknown tokens are ignored. */
  async endFamily(em: EntityManager, token: string, userId: string): Promise<void> {
    const row = await em.findOne(RefreshToken, { tokenHash: hashToken(token), userId });
    if (row) await this.revokeFamily(em, row.familyId);
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    const now = new Date();
    await em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: now, updatedAt: now });
  }

  /**
   * Ends every session of a user at once: revokes all their refresh tokens and bumps
   * `users.token_version`, so that their access tokens are refused too (SessionCheck). Call it on
   * deactivation, role change and password change. Runs in `em`'s transaction if it has one; when
   * `em` is scoped to a tenant, a user of another tenant is left alone.
   */
  async revokeAllForUser(em: EntityManager, userId: string): Promise<void> {
    const tenantId = currentTenantId(em);
    const bumped: { id: string }[] = await em.execute(
      `update users set token_version = token_version + 1, updated_at = now()
        where id = ?${tenantId ? ' and tenant_id = ?' : ''} returning id`,
      tenantId ? [userId, tenantId] : [userId],
    );
    if (bumped.length === 0) return;
    const now = new Date();
    await em.nativeUpdate(RefreshToken, { userId, revokedAt: null }, { revokedAt: now, updatedAt: now });
    this.sessionCheck.invalidate(userId);
  }

  private issue(em: EntityManager, userId: string, familyId: string): string {
    const { token, row } = this.newToken(userId, familyId);
    em.create(RefreshToken, row);
    return token;
  }

  private newToken(userId: string, familyId: string) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.get('REFRESH_TOKEN_TTL_SECONDS') * 1000);
    return { token, row: { userId, familyId, tokenHash: hashToken(token), expiresAt } };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
