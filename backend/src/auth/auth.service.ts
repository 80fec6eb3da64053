import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { packAbilityRules, type AppAbility, type Principal } from '@callpro/permissions';
import { AppConfig } from '../config/app-config.service';
import { queryOnPool } from '../database/bound-sql';
import { forbidden, ProblemException } from '../common/errors/problem';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
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
    const found = await this.userByEmail(normalised);
    // an unknown email costs the same argon2 verify as a known one
    const passwordOk = await verifyPassword(found?.user.passwordHash ?? (await timingDecoyHash()), password);
    if (!found || !passwordOk || !found.user.active || found.tenantActive === false) {
      await this.throttle.recordFailure(normalised, ip);
      throw badCredentials();
    }
    const { user } = found;
    await this.throttle.recordSuccess(normalised);
    const loginAt = new Date();
    user.lastLoginAt = loginAt;
    const refreshToken = await this.sessions.startAtLogin(this.em, user.id, loginAt);
    return this.session(user, refreshToken);
  }

  /**
   * Login is the one legitimate cross-tenant lookup: the email alone says which tenant the user
   * belongs to (emails are unique across tenants), so this reads the user through the
   * auth_user_by_email lookup (row-level security), with whether the user's tenant is active in the
   * same query (null: a super admin, no tenant).
   */
  private async userByEmail(email: string): Promise<{ user: AuthUser; tenantActive: boolean | null } | null> {
    const rows = await queryOnPool<Record<string, unknown> & { tenant_active: boolean | null }>(
      this.em,
      'select u.*, t.active as tenant_active from auth_user_by_email($1) u left join tenants t on t.id = u.tenant_id limit 1',
      [email],
    );
    if (!rows.length) return null;
    const { tenant_active: tenantActive, ...columns } = rows[0];
    return { user: authUserOf(this.em, columns), tenantActive };
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

  private async mayLogIn(user: AuthUser): Promise<boolean> {
    if (!user.active) return false;
    if (!user.tenantId) return true;
    const tenant = await this.em.findOne(Tenant, { id: user.tenantId });
    return tenant?.active === true;
  }

  private session(user: AuthUser, refreshToken: string): SessionResponse {
    return {
      accessToken: this.tokens.signAccess({ sub: user.id, tid: user.tenantId, role: user.role, ver: user.tokenVersion }),
      refreshToken,
      expiresIn: this.config.get('ACCESS_TOKEN_TTL_SECONDS'),
      user: SessionUserResponse.from(user),
    };
  }
}

/** What logging in and refreshing read of a user: a plain object, never a managed entity. */
type AuthUser = Pick<User, 'id' | 'tenantId' | 'name' | 'email' | 'phone' | 'role' | 'active' | 'lastLoginAt' | 'createdAt' | 'updatedAt' | 'passwordHash' | 'tokenVersion'>;

/**
 * A users row as an AuthUser (property names, dates parsed). Not em.map: merging a managed entity
 * into the identity map was a tenth of a login's event-loop time in the profile, for a row that is
 * only read (the login's writes go through auth_start_session).
 */
function authUserOf(em: EntityManager, columns: Record<string, unknown>): AuthUser {
  return em.getDriver().mapResult(columns as never, em.getMetadata().get<User>(User.name)) as AuthUser;
}

/**
 * A user by email or id through the SECURITY DEFINER lookups (row-level security keeps other
 * tenants' and super admins' rows out of reach otherwise); null if there is none.
 */
async function findAuthUser(em: EntityManager, lookup: 'auth_user_by_email' | 'auth_user_by_id', value: string): Promise<AuthUser | null> {
  const rows: Record<string, unknown>[] = await em.execute(`select * from ${lookup}(?)`, [value]);
  return rows.length ? authUserOf(em, rows[0]) : null;
}
