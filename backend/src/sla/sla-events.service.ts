import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SLA_EVENT_KINDS, SLA_METRICS } from '@callpro/contracts';
import type { AppAbility } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { Ticket } from '../tickets/ticket.entity';
import { SlaEvent } from './sla-event.entity';

export const SLA_EVENT_LIST: ListSpec = {
  resource: 'sla-events',
  sortable: ['id', 'occurredAt', 'createdAt', 'metric', 'kind', 'dueAt'],
  defaultSort: ['occurredAt', 'ASC'],
  filters: {
    ticketId: { kind: 'uuid' },
    policyId: { kind: 'uuid' },
    metric: { kind: 'enum', values: SLA_METRICS },
    kind: { kind: 'enum', values: SLA_EVENT_KINDS },
    occurredAt: { kind: 'date', range: true },
  },
};

/** The SLA log, read-only. A ticket's events are readable by whoever may read the ticket. */
@Injectable()
export class SlaEventsService {
  constructor(private readonly em: EntityManager) {}

  /** `ticketId`: one ticket's log (404 if the ticket is not readable, as for the ticket itself). */
  async list(ability: AppAbility, query: ListQuery, ticketIds: readonly string[]): Promise<{ rows: SlaEvent[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'SlaEvent');
    if (access === null) return { rows: [], total: 0 };
    for (const id of ticketIds) await this.readableTicket(ability, id);
    const [rows, total] = await this.em.findAndCount(SlaEvent, { $and: [access, query.where] }, { orderBy: query.orderBy, offset: query.offset, limit: query.limit });
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<SlaEvent> {
    const row = await this.em.findOne(SlaEvent, id);
    if (!row) throw notFound('SLA event');
    assertCan(ability, 'read', 'SlaEvent', row);
    await this.readableTicket(ability, row.ticketId);
    return row;
  }

  private async readableTicket(ability: AppAbility, ticketId: string): Promise<void> {
    const ticket = await this.em.findOne(Ticket, ticketId, { fields: ['id', 'assigneeId'] });
    if (!ticket) throw notFound('Ticket');
    assertCan(ability, 'read', 'Ticket', ticket);
  }
}
