import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility } from '@callpro/permissions';
import { accessibleWhere, assertCan, forbiddenFields } from '../common/auth/access';
import { notFound, ProblemException } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { enterTenant } from '../database/rls';
import { rethrowUniqueConflict } from '../users/unique-conflict';
import { UsersService } from '../users/users.service';
import { TenantDefaults } from './tenant-defaults.service';
import { Tenant, type TenantSettings } from './tenant.entity';
import type { CreateTenantDto } from './dto/create-tenant.dto';
import type { UpdateTenantDto } from './dto/update-tenant.dto';

/** `%q%` for ILIKE, with the pattern characters in `q` taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const TENANT_LIST: ListSpec = {
  resource: 'tenants',
  sortable: ['id', 'name', 'slug', 'timezone', 'defaultCountry', 'active', 'createdAt'],
  defaultSort: ['name', 'ASC'],
  filters: { active: { kind: 'boolean' }, slug: { kind: 'string' } },
  search: (q) => ({ $or: [{ name: { $ilike: contains(q) } }, { slug: { $ilike: contains(q) } }] }),
};

const DEFAULT_SETTINGS: Required<TenantSettings> = { missedCallFollowUp: true };

/** Fields only those who manage tenants (super admins) may change: the URL name and the kill switch. */
const MANAGEMENT_FIELDS = ['slug', 'active'] as const;

type TenantChanges = Partial<Pick<Tenant, 'name' | 'slug' | 'timezone' | 'defaultCountry' | 'active' | 'settings'>>;
const SCALAR_FIELDS = ['name', 'slug', 'timezone', 'defaultCountry', 'active'] as const;

@Injectable()
export class TenantsService {
  constructor(
    private readonly em: EntityManager,
    private readonly users: UsersService,
    private readonly defaults: TenantDefaults,
  ) {}

  /** Every tenant for a super admin, the own one for everybody else. */
  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: Tenant[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'Tenant');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(
      Tenant,
      { $and: [access, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<Tenant> {
    const tenant = await this.em.findOne(Tenant, id);
    if (!tenant) throw notFound('Tenant');
    assertCan(ability, 'read', 'Tenant', tenant);
    return tenant;
  }

  /** Creates the tenant, its first org admin and (unless opted out) its default configuration in one transaction. */
  async create(input: CreateTenantDto): Promise<Tenant> {
    const { admin, settings, provisionDefaults = true, ...fields } = input;
    try {
      return await this.em.transactional(async (em) => {
        const tenant = em.create(Tenant, { ...definedOnly(fields), name: fields.name, slug: fields.slug, settings: { ...DEFAULT_SETTINGS, ...definedOnly(settings) } });
        await em.flush();
        // the new tenant's own EntityManager, inside this transaction (forkForTenant would leave it)
        const tenantEm = await enterTenant(em.fork({ clear: true, keepTransactionContext: true }), tenant.id);
        await this.users.add(tenantEm, { ...admin, role: 'org_admin' });
        await tenantEm.flush();
        if (provisionDefaults) await this.defaults.provision(tenantEm, tenant);
        return tenant;
      });
    } catch (error) {
      rethrowUniqueConflict(error, { tenants_slug_unique: 'slug', users_email_unique: 'admin.email' });
    }
  }

  async update(ability: AppAbility, id: string, input: UpdateTenantDto): Promise<Tenant> {
    const tenant = await this.em.findOne(Tenant, id);
    if (!tenant) throw notFound('Tenant');
    assertCan(ability, 'update', 'Tenant', tenant);
    const changes = changedFields(tenant, input);
    const refused = new Set(forbiddenFields(ability, 'update', 'Tenant', tenant, changes));
    if (!ability.can('manage', 'Tenant')) MANAGEMENT_FIELDS.filter((f) => f in changes).forEach((f) => refused.add(f));
    if (refused.size > 0) {
      const errors = Object.fromEntries([...refused].map((f) => [f, 'you may not change this field']));
      throw new ProblemException(403, 'forbidden', `You may not change: ${[...refused].join(', ')}`, { errors });
    }
    Object.assign(tenant, changes);
    try {
      await this.em.flush();
    } catch (error) {
      rethrowUniqueConflict(error, { tenants_slug_unique: 'slug' });
    }
    return tenant;
  }
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The fields of `input` that differ from `tenant` (react-admin sends unchanged fields too). */
function changedFields(tenant: Tenant, input: UpdateTenantDto): TenantChanges {
  const changes: Record<string, unknown> = {};
  for (const field of SCALAR_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== tenant[field]) changes[field] = value;
  }
  if (input.settings) {
    const current = { ...DEFAULT_SETTINGS, ...tenant.settings };
    const next = { ...current, ...definedOnly(input.settings) };
    if (next.missedCallFollowUp !== current.missedCallFollowUp) changes.settings = next;
  }
  return changes as TenantChanges;
}
