import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { packAbilityRules, type AppAbility, type Principal } from '@callpro/permissions';
import { AppConfig } from '../config/app-config.service';
import { forbidden, ProblemException } from '../common/errors/problem';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { scopeToTenant } from '../database/tenant.filter';
import { AuthSessions } from './auth-sessions.service';
import { timingDecoyHash, verifyPassword } from './passwords';
import { LoginThrottle } from './throttle/login-throttle';
import { TokenService } from './token.service';
import type { LoginDto } from './dto/login.dto';
import { SessionUserResponse, type SessionResponse } from './dto/session.response';
import { SessionTenantResponse, type MeResponse } from './dto/me.response';

/** One answer for every failed login, so that it never tells whether an email exists. */
const badCredentials = () => new ProblemException(401, 'unauthorized', 'Wrong email or password');
const badRefreshToken = () => new ProblemException(401, 'unauthorized', 'Invalid or expired refresh token');

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly sessions: AuthSessions,
    private readonly throttle: LoginThrottle,
  ) {}

  async login({ email, password }: LoginDto, ip: string): Promise<SessionResponse> {
    const normalised = email.toLowerCase();
    await this.throttle.assertAllowed(normalised, ip);
    // Login is a legitimate cross-tenant lookup: the email alone says which tenant the user belongs
    // to (emails are unique across tenants), so it goes through auth_user_by_email (row-level security).
    const user = await findAuthUser(this.em, 'auth_user_by_email', normalised);
    // an unknown email costs the same argon2 verify as a known one
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDecoyHash()), password);
    if (!user || !passwordOk || !(await this.mayLogIn(user))) {
      await this.throttle.recordFailure(normalised, ip);
      throw badCredentials();
    }
    await this.throttle.recordSuccess(normalised);
    // the write below runs in the user's tenant (row-level security)
    if (user.tenantId) scopeToTenant(this.em, user.tenantId);
    user.lastLoginAt = new Date();
    const refreshToken = this.sessions.start(this.em, user.id);
    await this.em.flush();
    return this.session(user, refreshToken);
  }

  async refresh(refreshToken: string): Promise<SessionResponse> {
    const rotation = await this.sessions.rotate(this.em, refreshToken);
    if (!rotation.ok) throw badRefreshToken();
    const user = await findAuthUser(this.em, 'auth_user_by_id', rotation.userId);
    if (!user || !(await this.mayLogIn(user))) {
      await this.sessions.revokeFamily(this.em, rotation.familyId);
      throw badRefreshToken();
    }
    return this.session(user, rotation.refreshToken);
  }

  async logout(principal: Principal, refreshToken: string): Promise<void> {
    if (principal.kind !== 'user') return;
    await this.sessions.endFamily(this.em, refreshToken, principal.userId);
  }

  async me(principal: Principal, ability: AppAbility): Promise<MeResponse> {
    if (principal.kind !== 'user') throw forbidden('Only users have a profile; API keys do not');
    // by id from a verified token; a super admin (no tenant) is outside any tenant they choose
    const user = await findAuthUser(this.em, 'auth_user_by_id', principal.userId);
    if (!user) throw new ProblemException(401, 'unauthorized', 'Missing, invalid or expired credentials');
    const tenant = principal.tenantId ? await this.em.findOneOrFail(Tenant, { id: principal.tenantId }) : null;
    return {
      user: SessionUserResponse.from(user),
      tenant: tenant ? SessionTenantResponse.from(tenant) : null,
      rules: packAbilityRules(ability),
    };
  }

  private async mayLogIn(user: User): Promise<boolean> {
    if (!user.active) return false;
    if (!user.tenantId) return true;
    const tenant = await this.em.findOne(Tenant, { id: user.tenantId });
    return tenant?.active === true;
  }

  private session(user: User, refreshToken: string): SessionResponse {
    return {
      accessToken: this.tokens.signAccess({ sub: user.id, tid: user.tenantId, role: user.role, ver: user.tokenVersion }),
      refreshToken,
      expiresIn: this.config.get('ACCESS_TOKEN_TTL_SECONDS'),
      user: SessionUserResponse.from(user),
    };
  }
}

/**
 * A user by email or id through the SECURITY DEFINER lookups (row-level security keeps other
 * tenants' and super admins' rows out of reach otherwise); null if there is none.
 */
async function findAuthUser(em: EntityManager, lookup: 'auth_user_by_email' | 'auth_user_by_id', value: string): Promise<User | null> {
  const rows: Record<string, unknown>[] = await em.execute(`select * from ${lookup}(?)`, [value]);
  return rows.length ? em.map(User, rows[0]) : null;
}
