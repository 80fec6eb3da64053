import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/passwords';
import { ROLES, type Role } from '@callpro/contracts';
import type { AppAbility } from '@callpro/permissions';
import { accessibleWhere, assertCan, forbiddenFields } from '../common/auth/access';
import { notFound, ProblemException, ValidationProblem } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { AuthSessions } from '../auth/auth-sessions.service';
import { User } from './user.entity';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { rethrowUniqueConflict } from './unique-conflict';

export const USER_EMAIL_CONFLICT = { users_email_unique: 'email' };

/** `%q%` for ILIKE, with the pattern characters in `q` taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const USER_LIST: ListSpec = {
  resource: 'users',
  sortable: ['id', 'name', 'email', 'role', 'active', 'createdAt', 'lastLoginAt'],
  defaultSort: ['name', 'ASC'],
  filters: { role: { kind: 'enum', values: ROLES }, active: { kind: 'boolean' } },
  // a tenant's staff is small: a sequential ILIKE is fine here
  search: (q) => ({ $or: [{ name: { $ilike: contains(q) } }, { email: { $ilike: contains(q) } }] }),
};

/** Fields of a user that the API changes directly (password is hashed separately). */
type UserChanges = Partial<Pick<User, 'name' | 'email' | 'role' | 'active' | 'phone'>>;
const CHANGEABLE = ['name', 'email', 'role', 'active', 'phone'] as const;

/** What is needed to create a user; `em` decides the tenant. */
export type NewUser = Pick<CreateUserDto, 'name' | 'email' | 'role' | 'password'> & Partial<Pick<CreateUserDto, 'phone' | 'active'>>;

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: AuthSessions,
  ) {}

  /** The tenant's users (the tenant filter scopes them; none chosen → 400 tenant-required). */
  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: User[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'User');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(
      User,
      { $and: [access, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<User> {
    const user = await this.em.findOne(User, id);
    if (!user) throw notFound('User');
    assertCan(ability, 'read', 'User', user);
    return user;
  }

  async create(ability: AppAbility, input: CreateUserDto): Promise<User> {
    if (!currentTenantId(this.em)) throw new MissingTenantError();
    assertCan(ability, 'create', 'User', { role: input.role, active: input.active ?? true });
    refuseSuperAdminRole(input.role);
    const user = await this.add(this.em, input);
    try {
      await this.em.flush();
    } catch (error) {
      rethrowUniqueConflict(error, USER_EMAIL_CONFLICT);
    }
    return user;
  }

  /**
   * Creates a user in `em`'s tenant, persisted with `em`'s next flush. For callers that have
   * already decided the user may be created (POST /users, a new tenant's first admin).
   */
  async add(em: EntityManager, input: NewUser): Promise<User> {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    return em.create(User, {
      tenantId,
      name: input.name,
      email: input.email,
      role: input.role,
      phone: input.phone ?? null,
      active: input.active ?? true,
      passwordHash: await hashPassword(input.password),
    });
  }

  /**
   * Checks the stored row, each changed field and the row as it would be after the change, keeps
   * one active org admin per tenant, and ends the user's sessions on deactivation, role or
   * password change.
   */
  async update(ability: AppAbility, id: string, input: UpdateUserDto): Promise<User> {
    try {
      return await this.em.transactional(async (em) => {
        const user = await em.findOne(User, id);
        if (!user) throw notFound('User');
        assertCan(ability, 'update', 'User', user);
        const changes = changedFields(user, input);
        const password = input.password ?? undefined;
        const touched = password === undefined ? Object.keys(changes) : [...Object.keys(changes), 'password'];
        const refused = forbiddenFields(ability, 'update', 'User', user, Object.fromEntries(touched.map((f) => [f, true])));
        if (refused.length > 0) throw forbiddenFieldsProblem(refused);
        assertCan(ability, 'update', 'User', { ...user, ...changes });
        if (changes.role) refuseSuperAdminRole(changes.role);
        if (removesActiveAdmin(user, changes)) await this.assertAnotherActiveAdmin(em, user, changes);

        em.assign(user, changes);
        if (password !== undefined) user.passwordHash = await hashPassword(password);
        await em.flush();
        if (changes.active === false || changes.role !== undefined || password !== undefined) {
          await this.sessions.revokeAllForUser(em, user.id);
        }
        return user;
      });
    } catch (error) {
      rethrowUniqueConflict(error, USER_EMAIL_CONFLICT);
    }
  }

  /**
   * Refuses to demote or deactivate the tenant's last active org admin. The tenant row is locked
   * first so that two admins demoting each other at the same time cannot both succeed.
   */
  private async assertAnotherActiveAdmin(em: EntityManager, user: User, changes: UserChanges): Promise<void> {
    await em.execute('select 1 from tenants where id = ? for update', [user.tenantId]);
    const others = await em.count(User, { role: 'org_admin', active: true, id: { $ne: user.id } });
    if (others > 0) return;
    const field = changes.active === false ? 'active' : 'role';
    throw new ProblemException(
      409,
      'conflict',
      'This is the last active org admin of the tenant: make another user an active org admin first',
      { errors: { [field]: 'the tenant needs at least one active org admin' } },
    );
  }
}

/** The fields of `input` that differ from `user` (react-admin sends unchanged fields too). */
function changedFields(user: User, input: UpdateUserDto): UserChanges {
  const changes: Record<string, unknown> = {};
  for (const field of CHANGEABLE) {
    const value = input[field];
    if (value !== undefined && value !== user[field]) changes[field] = value;
  }
  return changes as UserChanges;
}

function removesActiveAdmin(user: User, changes: UserChanges): boolean {
  if (user.role !== 'org_admin' || !user.active) return false;
  return changes.active === false || (changes.role !== undefined && changes.role !== 'org_admin');
}

/** Super admins live outside every tenant (users_tenant_unless_super_admin); not managed here. */
function refuseSuperAdminRole(role: Role): void {
  if (role === 'super_admin') throw new ValidationProblem({ role: 'super admins belong to no tenant and cannot be managed here' });
}

function forbiddenFieldsProblem(fields: string[]): ProblemException {
  const errors = Object.fromEntries(fields.map((f) => [f, 'you may not change this field']));
  return new ProblemException(403, 'forbidden', `You may not change: ${fields.join(', ')}`, { errors });
}
