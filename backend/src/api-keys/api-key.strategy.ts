import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import type { Principal } from '@callpro/permissions';
import { apiKeyFromHeaders } from './api-key-secret';
import { ApiKeysService } from './api-keys.service';

type Verify = (secret: string, done: (error: unknown, principal?: Principal | false | null) => void) => void;

/**
 * A minimal passport strategy (passport's own `Strategy` base, i.e. passport-strategy): takes the
 * key from `X-API-Key` or a `cp_live_` bearer token and hands it to `verify`. A request without a
 * key fails this strategy, so the guard's other strategies (JWT) still get their turn.
 */
export class HeaderApiKeyStrategy extends passport.Strategy {
  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(req: { headers: Record<string, string | string[] | undefined> }): void {
    const secret = apiKeyFromHeaders(req.headers);
    if (!secret) return this.fail({ message: 'no API key' }, 401);
    this.verify(secret, (error, principal) => {
      if (error) return this.error(error);
      if (!principal) return this.fail({ message: 'invalid, revoked or expired API key' }, 401);
      this.success(principal);
    });
  }
}

/** Passport strategy 'api-key': `{kind: 'apiKey', keyId, tenantId, scopes}` for a live key. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderApiKeyStrategy, 'api-key') {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  validate(secret: string): Promise<Principal | false> {
    return this.keys.authenticate(secret);
  }
}
