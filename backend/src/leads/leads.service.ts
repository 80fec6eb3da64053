import { Injectable } from '@nestjs/common';
import {
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  QueryOrder,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { asSubject, type AppAbility, type Principal } from '@callpro/permissions';
import type { LeadStatus } from '@callpro/contracts';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound, ProblemException, ValidationProblem, versionConflict } from '../common/errors/problem';
import { InvalidPhoneError, normalizePhone } from '../common/phone/phone';
import type { ListQuery } from '../common/rest/list-query';
import { findListPage } from '../common/rest/list-page';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { OutboxService } from '../outbox/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { Lead } from './lead.entity';
import type { CreateLeadDto } from './dto/create-lead.dto';
import type { UpdateLeadDto } from './dto/update-lead.dto';

const PHONE_UNIQUE = 'leads_tenant_id_phone_unique';

/** Fields the API changes directly. */
type LeadChanges = Partial<Pick<Lead, 'name' | 'phone' | 'email' | 'company' | 'status' | 'source' | 'ownerId'>>;
const CHANGEABLE = ['name', 'phone', 'email', 'company', 'status', 'source', 'ownerId'] as const;

@Injectable()
export class LeadsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: Lead[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'Lead');
    if (access === null) return { rows: [], total: 0 };
    const { rows, total } = await findListPage(this.em, Lead, { $and: [access, query.where] }, { ...query, orderBy: query.orderBy.map(neverContactedFirst) });
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<Lead> {
    const lead = await this.em.findOne(Lead, id);
    if (!lead) throw notFound('Lead');
    assertCan(ability, 'read', 'Lead', lead);
    return lead;
  }

  /** Without an `ownerId`, the creating user owns the lead; agents may create only leads they own. */
  async create(principal: Principal, ability: AppAbility, input: CreateLeadDto): Promise<Lead> {
    if (!currentTenantId(this.em)) throw new MissingTenantError();
    const ownerId = input.ownerId === undefined ? defaultOwner(principal) : input.ownerId;
    assertCan(ability, 'create', 'Lead', { ownerId });
    const phone = input.phone ? await this.normalize(this.em, input.phone) : null;
    assertMayOwn(ability, { ownerId }, ownerId);
    if (ownerId) await this.assertOwnerExists(this.em, ownerId);
    try {
      return await this.em.transactional(async (em) => {
        const lead = em.create(Lead, {
          name: input.name,
          phone,
          email: input.email ?? null,
          company: input.company ?? null,
          status: input.status ?? 'new',
          source: input.source ?? null,
          ownerId,
        });
        await em.flush();
        this.publish(em, lead);
        return lead;
      });
    } catch (error) {
      rethrowPhoneConflict(error);
    }
  }

  /**
   * Checks the stored row and the row as it would be after the change (an agent can neither edit
   * someone else's lead nor hand their own away), and refuses a stale `version` / `If-Match`.
   */
  async update(ability: AppAbility, id: string, input: UpdateLeadDto, ifMatch?: number): Promise<Lead> {
    try {
      return await this.em.transactional(async (em) => {
        const lead = await em.findOne(Lead, id);
        if (!lead) throw notFound('Lead');
        assertCan(ability, 'update', 'Lead', lead);
        for (const expected of [input.version, ifMatch]) {
          if (expected !== undefined && expected !== lead.version) throw versionConflict();
        }
        const changes = await this.changedFields(em, lead, input);
        if (changes.ownerId !== undefined) {
          assertMayOwn(ability, lead, changes.ownerId);
          if (changes.ownerId) await this.assertOwnerExists(em, changes.ownerId);
        }
        assertCan(ability, 'update', 'Lead', { ...lead, ...changes });
        if (Object.keys(changes).length === 0) return lead;
        em.assign(lead, changes);
        await em.flush();
        this.publish(em, lead, { changed: Object.keys(changes) });
        return lead;
      });
    } catch (error) {
      if (error instanceof OptimisticLockError) throw versionConflict();
      rethrowPhoneConflict(error);
    }
  }

  /** Returns the deleted row (react-admin expects it). */
  async remove(ability: AppAbility, id: string): Promise<Lead> {
    try {
      return await this.em.transactional(async (em) => {
        const lead = await em.findOne(Lead, id);
        if (!lead) throw notFound('Lead');
        assertCan(ability, 'delete', 'Lead', lead);
        em.remove(lead);
        await em.flush();
        this.publish(em, lead, { deleted: true });
        return lead;
      });
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) {
        throw new ProblemException(409, 'conflict', 'This lead is still referenced by other records (tickets or calls)');
      }
      throw error;
    }
  }

  /**
   * The leads of `em`'s tenant with this E.164 number. The unique index makes it 0 or 1, but
   * callers (call logs matching the other party) handle a list so that ambiguity stays explicit.
   */
  async findByPhone(em: EntityManager, e164: string): Promise<Lead[]> {
    if (!currentTenantId(em)) throw new MissingTenantError();
    return em.find(Lead, { phone: e164 }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /**
   * Records a call with the lead at `at`, unless a later one is already recorded (calls may arrive
   * out of order). Written at once in `em`'s transaction, without bumping `version`: it is not an
   * edit, and must not make a user's open form stale. The `lead.updated` event goes out with the
   * caller's next flush. Returns whether the lead changed.
   */
  async touchLastContacted(em: EntityManager, leadId: string, at: Date): Promise<boolean> {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    const rows: { id: string; name: string; status: LeadStatus; owner_id: string | null; updated_at: Date }[] = await em.execute(
      `update "leads" set "last_contacted_at" = ?
        where "tenant_id" = ? and "id" = ? and ("last_contacted_at" is null or "last_contacted_at" < ?)
        returning "id", "name", "status", "owner_id", "updated_at"`,
      [at, tenantId, leadId, at],
    );
    if (rows.length === 0) return false;
    const [row] = rows;
    this.outbox.publish(em, {
      name: 'lead.updated',
      subject: 'Lead',
      resourceId: row.id,
      payload: {
        id: row.id,
        name: row.name,
        status: row.status,
        ownerId: row.owner_id,
        updatedAt: new Date(row.updated_at).toISOString(),
        changed: ['lastContactedAt'],
      },
    });
    return true;
  }

  private publish(em: EntityManager, lead: Lead, extra: Record<string, unknown> = {}): void {
    this.outbox.publish(em, {
      name: 'lead.updated',
      subject: 'Lead',
      resourceId: lead.id,
      payload: { id: lead.id, name: lead.name, status: lead.status, ownerId: lead.ownerId, updatedAt: lead.updatedAt.toISOString(), ...extra },
    });
  }

  /** The fields of `input` that differ from `lead`, the phone compared in its normalised form. */
  private async changedFields(em: EntityManager, lead: Lead, input: UpdateLeadDto): Promise<LeadChanges> {
    const changes: Record<string, unknown> = {};
    for (const field of CHANGEABLE) {
      let value = input[field];
      if (value === undefined) continue;
      if (field === 'phone' && value !== null) value = await this.normalize(em, value);
      if (value !== lead[field]) changes[field] = value;
    }
    return changes as LeadChanges;
  }

  /** E.164 with the tenant's default country; an invalid number is a 400 on `phone`. */
  private async normalize(em: EntityManager, phone: string): Promise<string> {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    const tenant = await em.findOneOrFail(Tenant, tenantId);
    try {
      return normalizePhone(phone, tenant.defaultCountry);
    } catch (error) {
      if (error instanceof InvalidPhoneError) throw new ValidationProblem({ phone: error.message });
      throw error;
    }
  }

  private async assertOwnerExists(em: EntityManager, ownerId: string): Promise<void> {
    const found = await em.count(User, { id: ownerId, active: true });
    if (found === 0) {
      throw new ProblemException(422, 'unprocessable', 'The owner must be an active user of this tenant', {
        errors: { ownerId: 'must be an active user of this tenant' },
      });
    }
  }
}

/** Tenant staff own what they create; API keys and super admins (not tenant users) name an owner or none. */
function defaultOwner(principal: Principal): string | null {
  return principal.kind === 'user' && principal.role !== 'super_admin' ? principal.userId : null;
}

/** Whether the principal could still update the lead with `ownerId` as its owner (agents: only themselves). */
function assertMayOwn(ability: AppAbility, lead: object, ownerId: string | null): void {
  if (ability.can('update', asSubject('Lead', { ...lead, ownerId }))) return;
  throw new ProblemException(403, 'forbidden', 'You cannot give a lead to someone else', {
    errors: { ownerId: 'you can only own leads yourself' },
  });
}

/** Never-contacted leads count as contacted longest ago (PostgreSQL would put NULLs first in DESC). */
function neverContactedFirst(order: Record<string, 'asc' | 'desc'>): Record<string, QueryOrder | 'asc' | 'desc'> {
  if (!order.lastContactedAt) return order;
  return { lastContactedAt: order.lastContactedAt === 'asc' ? QueryOrder.ASC_NULLS_FIRST : QueryOrder.DESC_NULLS_LAST };
}

function rethrowPhoneConflict(error: unknown): never {
  if (error instanceof UniqueConstraintViolationException && (error as { constraint?: string }).constraint === PHONE_UNIQUE) {
    throw new ProblemException(409, 'conflict', 'A lead with this phone number already exists', {
      errors: { phone: 'a lead with this phone number already exists' },
    });
  }
  throw error;
}
