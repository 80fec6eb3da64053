import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '@callpro/permissions';
import { AppConfig } from '../config/app-config.service';
import { JWT_ALGORITHM, type AccessClaims } from './token.service';
import { SessionCheck } from './session-check.service';

/** passport-jwt: verifies the bearer access token and turns its claims into a Principal. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: SessionCheck,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // a KeyObject (see AppConfig.jwtKey); passport-jwt hands it to jsonwebtoken unchanged
      secretOrKey: config.jwtKey as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: config.get('JWT_ISSUER'),
      audience: config.get('JWT_AUDIENCE'),
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Principal | false> {
    if (claims.typ !== 'access') return false;
    if (!(await this.sessions.isCurrent(claims))) return false;
    return { kind: 'user', userId: claims.sub, tenantId: claims.tid, role: claims.role };
  }
}
