import { Injectable } from '@nestjs/common';
import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound, ProblemException } from '../common/errors/problem';
import type { ListQuery } from '../common/rest/list-query';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { rethrowUniqueConflict } from '../users/unique-conflict';
import { Disposition } from './disposition.entity';
import type { CreateDispositionDto } from './dto/create-disposition.dto';
import type { UpdateDispositionDto } from './dto/update-disposition.dto';

const NAME_CONFLICT = { dispositions_tenant_id_name_unique: 'name' };

@Injectable()
export class DispositionsService {
  constructor(private readonly em: EntityManager) {}

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: Disposition[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'Disposition');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(
      Disposition,
      { $and: [access, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<Disposition> {
    const row = await this.em.findOne(Disposition, id);
    if (!row) throw notFound('Disposition');
    assertCan(ability, 'read', 'Disposition', row);
    return row;
  }

  /** Without a position the new entry goes after the last one. */
  async create(ability: AppAbility, input: CreateDispositionDto): Promise<Disposition> {
    if (!currentTenantId(this.em)) throw new MissingTenantError();
    assertCan(ability, 'create', 'Disposition', {});
    try {
      return await this.em.transactional(async (em) => {
        const position = input.position ?? (await this.nextPosition(em));
        return em.create(Disposition, { name: input.name, active: input.active ?? true, position });
      });
    } catch (error) {
      rethrowUniqueConflict(error, NAME_CONFLICT);
    }
  }

  async update(ability: AppAbility, id: string, input: UpdateDispositionDto): Promise<Disposition> {
    try {
      return await this.em.transactional(async (em) => {
        const row = await em.findOne(Disposition, id);
        if (!row) throw notFound('Disposition');
        assertCan(ability, 'update', 'Disposition', row);
        em.assign(row, definedOnly(input));
        return row;
      });
    } catch (error) {
      rethrowUniqueConflict(error, NAME_CONFLICT);
    }
  }

  /** A disposition that calls still carry cannot be deleted (409): deactivate it instead. */
  async remove(ability: AppAbility, id: string): Promise<Disposition> {
    try {
      return await this.em.transactional(async (em) => {
        const row = await em.findOne(Disposition, id);
        if (!row) throw notFound('Disposition');
        assertCan(ability, 'delete', 'Disposition', row);
        em.remove(row);
        return row;
      });
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) {
        throw new ProblemException(409, 'conflict', 'Call logs still carry this disposition; deactivate it instead');
      }
      throw error;
    }
  }

  private async nextPosition(em: EntityManager): Promise<number> {
    const last = await em.findOne(Disposition, {}, { orderBy: { position: 'desc' }, fields: ['position'] });
    return last ? last.position + 1 : 0;
  }
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
