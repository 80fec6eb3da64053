import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound, ValidationProblem, versionConflict } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { parseIfMatch } from '../common/http/if-match';
import { rethrowUniqueConflict } from '../users/unique-conflict';
import { BusinessCalendar } from './business-calendar.entity';
import { SlaPolicy } from './sla-policy.entity';
import { SlaRematch } from './sla-rematch.service';
import type { CreateSlaPolicyDto } from './dto/create-sla-policy.dto';
import type { UpdateSlaPolicyDto } from './dto/update-sla-policy.dto';

const contains = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;
const NAME_CONFLICT = { sla_policies_tenant_id_name_unique: 'name' };

export const SLA_POLICY_LIST: ListSpec = {
  resource: 'sla-policies',
  sortable: ['id', 'name', 'position', 'active', 'createdAt', 'updatedAt'],
  defaultSort: ['position', 'ASC'],
  filters: { active: { kind: 'boolean' }, calendarId: { kind: 'uuid' }, name: { kind: 'string' } },
  search: (q) => ({ name: { $ilike: contains(q) } }),
};

type PolicyFields = Omit<CreateSlaPolicyDto, 'name' | 'position'>;
const FIELDS = [
  'name', 'position', 'priorities', 'channels', 'tags', 'firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes',
  'warnAtPercent', 'pauseStatuses', 'calendarId', 'active',
] as const;

/**
 * SLA policies (DESIGN.md §6). Every change re-matches the tenant's open tickets that it can
 * affect, in the same transaction (SlaRematch), so that what the API answers is already in force.
 */
@Injectable()
export class SlaPoliciesService {
  constructor(
    private readonly em: EntityManager,
    private readonly rematch: SlaRematch,
  ) {}

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: SlaPolicy[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'SlaPolicy');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(SlaPolicy, { $and: [access, query.where] }, { orderBy: query.orderBy, offset: query.offset, limit: query.limit });
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<SlaPolicy> {
    const row = await this.em.findOne(SlaPolicy, id);
    if (!row) throw notFound('SLA policy');
    assertCan(ability, 'read', 'SlaPolicy', row);
    return row;
  }

  /** Without a position the policy goes after the last one. */
  async create(ability: AppAbility, input: CreateSlaPolicyDto): Promise<SlaPolicy> {
    if (!currentTenantId(this.em)) throw new MissingTenantError();
    assertCan(ability, 'create', 'SlaPolicy', {});
    try {
      return await this.em.transactional(async (em) => {
        await checkPolicy(em, input);
        const position = input.position ?? (await nextPosition(em));
        const policy = em.create(SlaPolicy, { ...definedOnly(pick(input)), name: input.name, position });
        await em.flush();
        if (policy.active) await this.rematch.run(em, { policyIds: [policy.id], capturing: policy });
        return policy;
      });
    } catch (error) {
      rethrowUniqueConflict(error, NAME_CONFLICT);
    }
  }

  /** Optimistic concurrency on top of a row lock: of writers holding the same version, one wins; the others get 409. */
  async update(ability: AppAbility, id: string, input: UpdateSlaPolicyDto, ifMatch?: string): Promise<SlaPolicy> {
    const claimed = [parseIfMatch(ifMatch), input.version].filter((v): v is number => v !== undefined);
    if (claimed.length === 0) throw new ValidationProblem({ version: 'send the version you last read (or an If-Match header)' }, 'version is required');
    try {
      return await this.em.transactional(async (em) => {
        const policy = await em.findOne(SlaPolicy, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!policy) throw notFound('SLA policy');
        assertCan(ability, 'update', 'SlaPolicy', policy);
        if (claimed.some((v) => v !== policy.version)) throw versionConflict();
        const changes = definedOnly(pick(input));
        await checkPolicy(em, { ...policy, ...changes });
        em.assign(policy, changes);
        await em.flush();
        await this.rematch.run(em, { policyIds: [policy.id], capturing: policy.active ? policy : undefined });
        return policy;
      });
    } catch (error) {
      rethrowUniqueConflict(error, NAME_CONFLICT);
    }
  }

  /** Its tickets move to the next matching policy (or none); its SLA events keep their history. */
  async remove(ability: AppAbility, id: string): Promise<SlaPolicy> {
    return this.em.transactional(async (em) => {
      const policy = await em.findOne(SlaPolicy, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!policy) throw notFound('SLA policy');
      assertCan(ability, 'delete', 'SlaPolicy', policy);
      // matched past while it still names its tickets
      policy.active = false;
      await em.flush();
      await this.rematch.run(em, { policyIds: [policy.id] });
      em.remove(policy);
      return policy;
    });
  }

  /** Sets positions 0, 1, … in the order of `ids`, which must name every policy of the tenant once. */
  async reorder(ability: AppAbility, ids: string[]): Promise<SlaPolicy[]> {
    return this.em.transactional(async (em) => {
      const policies = await em.find(SlaPolicy, {}, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
      for (const p of policies) assertCan(ability, 'update', 'SlaPolicy', p);
      const byId = new Map(policies.map((p) => [p.id, p]));
      if (ids.length !== policies.length || ids.some((id) => !byId.has(id))) {
        throw new ValidationProblem({ ids: `list every SLA policy of the tenant exactly once (${policies.length})` }, 'Reorder needs every policy once');
      }
      ids.forEach((id, position) => (byId.get(id)!.position = position));
      await em.flush();
      await this.rematch.run(em, { all: true });
      return ids.map((id) => byId.get(id)!);
    });
  }
}

function pick(input: Partial<CreateSlaPolicyDto>): Partial<CreateSlaPolicyDto> {
  return Object.fromEntries(FIELDS.filter((f) => Object.hasOwn(input, f)).map((f) => [f, input[f]]));
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What the DTO cannot check alone (400, `errors` by field). */
async function checkPolicy(em: EntityManager, p: PolicyFields): Promise<void> {
  const errors: Record<string, string> = {};
  const warn = p.warnAtPercent ?? [];
  if (warn.some((v, i) => i > 0 && v <= warn[i - 1])) errors.warnAtPercent = 'warnAtPercent must be strictly ascending, e.g. [75, 90]';
  if (p.firstResponseMinutes == null && p.nextResponseMinutes == null && p.resolutionMinutes == null) {
    errors.firstResponseMinutes = 'set at least one target (first response, next response or resolution)';
  }
  if (p.calendarId && !(await em.findOne(BusinessCalendar, p.calendarId, { fields: ['id'] }))) errors.calendarId = 'no such business calendar';
  if (Object.keys(errors).length) throw new ValidationProblem(errors, 'The SLA policy is not valid');
}

async function nextPosition(em: EntityManager): Promise<number> {
  const last = await em.findOne(SlaPolicy, {}, { orderBy: { position: 'desc' }, fields: ['position'] });
  return last ? last.position + 1 : 0;
}
