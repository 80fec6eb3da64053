import { Injectable } from '@nestjs/common';
import { defineAbilityFor, type UserPrincipal } from '@callpro/permissions';
import { AppConfig } from '../config/app-config.service';
import { SessionCheck } from '../auth/session-check.service';
import { TokenService } from '../auth/token.service';
import type { SocketSession } from './socket-session';

/**
 * A refused handshake or refresh. Socket.IO sends `message` to the client as its `connect_error`
 * (e.g. "unauthorized: token expired") and `data.code` for programs.
 */
export class SocketAuthError extends Error {
  readonly data: { code: string };

  constructor(kind: 'unauthorized' | 'forbidden' | 'unavailable', code: string, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'SocketAuthError';
    this.data = { code };
  }
}

const refuse = (code: string, detail: string) => new SocketAuthError('unauthorized', code, detail);

/** Why jsonwebtoken refused a token, in words a client can act on. */
function tokenError(error: unknown): SocketAuthError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : '';
  if (name === 'TokenExpiredError') return refuse('token_expired', 'token expired');
  if (message.includes('audience')) return refuse('wrong_audience', 'token is for another audience');
  if (message.includes('issuer')) return refuse('wrong_issuer', 'token is from another issuer');
  if (message.includes('signature') || message.includes('algorithm')) return refuse('invalid_signature', 'invalid token signature');
  if (message === 'Not an access token') return refuse('not_access_token', 'not an access token');
  return refuse('token_malformed', 'malformed token');
}

/** Checks a socket's Origin and access token the same way the REST API checks a bearer token. */
@Injectable()
export class SocketAuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionCheck,
    private readonly config: AppConfig,
  ) {}

  /**
   * Browsers must come from a configured origin or from the app itself (the UI it serves, whatever
   * host name it was opened under); clients without an Origin (Node, Android) may connect.
   */
  assertOrigin(origin: string | undefined, host?: string): void {
    if (origin === undefined || this.config.corsOrigins.includes(origin) || isSameOrigin(origin, host)) return;
    throw new SocketAuthError('forbidden', 'origin_not_allowed', `origin ${origin} is not allowed`);
  }

  /** Verifies signature, issuer, audience, expiry, token type and that the session is still current. */
  async authenticate(token: unknown): Promise<SocketSession> {
    if (token === undefined || token === null || token === '') throw refuse('token_missing', 'token missing (send it in auth.token)');
    if (typeof token !== 'string') throw refuse('token_malformed', 'malformed token');
    let claims: SocketSession['claims'];
    try {
      claims = this.tokens.verifyAccess(token);
    } catch (error) {
      throw tokenError(error);
    }
    if (!(await this.sessions.isCurrent(claims))) throw refuse('session_revoked', 'session revoked');
    const principal: UserPrincipal = { kind: 'user', userId: claims.sub, tenantId: claims.tid, role: claims.role };
    return { principal, ability: defineAbilityFor(principal), claims };
  }

  /** Whether a connected socket's session is still current (deactivation, role or password change). */
  isCurrent(session: SocketSession): Promise<boolean> {
    return this.sessions.isCurrent(session.claims);
  }
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
