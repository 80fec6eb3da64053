import { Injectable } from '@nestjs/common';
import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound, ProblemException } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { rethrowUniqueConflict } from '../users/unique-conflict';
import { BusinessCalendar } from './business-calendar.entity';
import { checkCalendar } from './calendar-rules';
import { SlaPolicy } from './sla-policy.entity';
import { SlaRematch } from './sla-rematch.service';
import type { CreateBusinessCalendarDto } from './dto/create-business-calendar.dto';
import type { UpdateBusinessCalendarDto } from './dto/update-business-calendar.dto';

const contains = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;
const NAME_CONFLICT = { business_calendars_tenant_id_name_unique: 'name' };

export const BUSINESS_CALENDAR_LIST: ListSpec = {
  resource: 'business-calendars',
  sortable: ['id', 'name', 'timezone', 'createdAt', 'updatedAt'],
  defaultSort: ['name', 'ASC'],
  filters: { name: { kind: 'string' }, timezone: { kind: 'string' } },
  search: (q) => ({ name: { $ilike: contains(q) } }),
};

@Injectable()
export class BusinessCalendarsService {
  constructor(
    private readonly em: EntityManager,
    private readonly rematch: SlaRematch,
  ) {}

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: BusinessCalendar[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'BusinessCalendar');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(
      BusinessCalendar,
      { $and: [access, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<BusinessCalendar> {
    const row = await this.em.findOne(BusinessCalendar, id);
    if (!row) throw notFound('Business calendar');
    assertCan(ability, 'read', 'BusinessCalendar', row);
    return row;
  }

  async create(ability: AppAbility, input: CreateBusinessCalendarDto): Promise<BusinessCalendar> {
    if (!currentTenantId(this.em)) throw new MissingTenantError();
    assertCan(ability, 'create', 'BusinessCalendar', {});
    const spec = checkCalendar({ timezone: input.timezone, intervals: input.intervals, holidays: input.holidays ?? [] });
    try {
      return await this.em.transactional(async (em) => em.create(BusinessCalendar, { name: input.name, ...spec }));
    } catch (error) {
      rethrowUniqueConflict(error, NAME_CONFLICT);
    }
  }

  /** The due times of open tickets under policies that use the calendar follow the change. */
  async update(ability: AppAbility, id: string, input: UpdateBusinessCalendarDto): Promise<BusinessCalendar> {
    try {
      return await this.em.transactional(async (em) => {
        const row = await em.findOne(BusinessCalendar, id);
        if (!row) throw notFound('Business calendar');
        assertCan(ability, 'update', 'BusinessCalendar', row);
        const spec = checkCalendar({ timezone: input.timezone ?? row.timezone, intervals: input.intervals ?? row.intervals, holidays: input.holidays ?? row.holidays });
        const stored = checkCalendar({ timezone: row.timezone, intervals: row.intervals, holidays: row.holidays });
        const timesChanged = JSON.stringify(spec) !== JSON.stringify(stored);
        em.assign(row, { ...spec, ...(input.name !== undefined ? { name: input.name } : {}) });
        if (!timesChanged) return row;
        await em.flush();
        const policies = await em.find(SlaPolicy, { calendarId: row.id }, { fields: ['id'] });
        if (policies.length) await this.rematch.run(em, { policyIds: policies.map((p) => p.id) });
        return row;
      });
    } catch (error) {
      rethrowUniqueConflict(error, NAME_CONFLICT);
    }
  }

  /** A calendar that policies use cannot be deleted (409). */
  async remove(ability: AppAbility, id: string): Promise<BusinessCalendar> {
    try {
      return await this.em.transactional(async (em) => {
        const row = await em.findOne(BusinessCalendar, id);
        if (!row) throw notFound('Business calendar');
        assertCan(ability, 'delete', 'BusinessCalendar', row);
        em.remove(row);
        return row;
      });
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) {
        throw new ProblemException(409, 'conflict', 'SLA policies use this calendar; give them another one first');
      }
      throw error;
    }
  }
}
