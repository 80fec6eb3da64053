import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@callpro/contracts';
import { AppConfig } from '../config/app-config.service';

/** Claims of an access token. `typ` keeps refresh tokens (opaque) and other JWTs out. */
export interface AccessClaims {
  sub: string;
  tid: string | null;
  role: Role;
  /** User.tokenVersion when issued; a bump (deactivation, role or password change) voids it. */
  ver: number;
  typ: 'access';
}

export const JWT_ALGORITHM = 'HS256' as const;

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  signAccess(claims: Omit<AccessClaims, 'typ'>): string {
    return this.jwt.sign({ ...claims, typ: 'access' }, this.signOptions());
  }

  /** Verifies signature, algorithm, issuer, audience, expiry and token type; throws otherwise. */
  verifyAccess(token: string): AccessClaims & { exp: number } {
    const claims = this.jwt.verify<AccessClaims & { exp: number }>(token, {
      // a KeyObject (AppConfig.jwtKey); the option's type only names string | Buffer
      secret: this.config.jwtKey as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: this.config.get('JWT_ISSUER'),
      audience: this.config.get('JWT_AUDIENCE'),
    });
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new Error('Not an access token');
    return claims;
  }

  private signOptions() {
    return {
      privateKey: this.config.jwtKey,
      algorithm: JWT_ALGORITHM,
      issuer: this.config.get('JWT_ISSUER'),
      audience: this.config.get('JWT_AUDIENCE'),
      expiresIn: this.config.get('ACCESS_TOKEN_TTL_SECONDS'),
    };
  }
}
