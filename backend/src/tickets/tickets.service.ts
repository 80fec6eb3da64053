import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@callpro/contracts';
import type { AppAbility, Principal } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound, ValidationProblem, versionConflict } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { findListPage } from '../common/rest/list-page';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { actorOf } from '../audit/audit.service';
import { SlaService } from '../sla/sla.service';
import { Ticket } from './ticket.entity';
import { snapshot, TicketActivity } from './ticket-activity.service';
import { nextTicketNumber } from './ticket-numbers';
import { checkReferences, normaliseRequesterPhone } from './ticket-references';
import { parseIfMatch } from '../common/http/if-match';
import { applyStatus, assertTransition, changedFields, type TicketChanges } from './ticket-rules';
import { ticketSearch } from './ticket-search';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import type { UpdateTicketDto } from './dto/update-ticket.dto';

export const TICKET_LIST: ListSpec = {
  resource: 'tickets',
  sortable: [
    'id', 'number', 'subject', 'status', 'priority', 'channel', 'requesterName', 'requesterPhone', 'requesterEmail',
    'assigneeId', 'leadId', 'firstRespondedAt', 'resolvedAt', 'closedAt', 'createdAt', 'updatedAt', 'slaNextDueAt',
  ],
  defaultSort: ['updatedAt', 'DESC'],
  filters: {
    status: { kind: 'enum', values: TICKET_STATUSES },
    priority: { kind: 'enum', values: TICKET_PRIORITIES },
    channel: { kind: 'enum', values: TICKET_CHANNELS },
    assigneeId: { kind: 'uuid', allowMe: true },
    tags: { kind: 'tags' },
    leadId: { kind: 'uuid' },
    callLogId: { kind: 'uuid' },
    number: { kind: 'number' },
    createdAt: { kind: 'date', range: true },
    updatedAt: { kind: 'date', range: true },
    slaPolicyId: { kind: 'uuid' },
    slaNextDueAt: { kind: 'date', range: true },
  },
  search: ticketSearch,
};

@Injectable()
export class TicketsService {
  constructor(
    private readonly em: EntityManager,
    private readonly activity: TicketActivity,
    private readonly sla: SlaService,
  ) {}

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: Ticket[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'Ticket');
    if (access === null) return { rows: [], total: 0 };
    // the total is exact up to EXACT_TOTAL_LIMIT rows, estimated above (see findListPage)
    const { rows, total } = await findListPage(this.em, Ticket, { $and: [access, query.where] }, query);
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<Ticket> {
    const ticket = await this.em.findOne(Ticket, id);
    if (!ticket) throw notFound('Ticket');
    assertCan(ability, 'read', 'Ticket', ticket);
    return ticket;
  }

  /** Numbers the ticket inside the insert's transaction (see nextTicketNumber). */
  async create(principal: Principal, ability: AppAbility, input: CreateTicketDto): Promise<Ticket> {
    const tenantId = currentTenantId(this.em);
    if (!tenantId) throw new MissingTenantError();
    const values = {
      subject: input.subject,
      description: input.description ?? null,
      status: 'new' as const,
      priority: input.priority ?? 'normal',
      channel: input.channel ?? (principal.kind === 'apiKey' ? 'api' : 'phone'),
      tags: input.tags ?? [],
      requesterName: input.requesterName ?? null,
      requesterPhone: (await normaliseRequesterPhone(this.em, input.requesterPhone)) ?? null,
      requesterEmail: input.requesterEmail ?? null,
      leadId: input.leadId ?? null,
      assigneeId: input.assigneeId ?? null,
    };
    assertCan(ability, 'create', 'Ticket', values);
    // creating a ticket for someone is assigning it: agents may only take it themselves
    if (values.assigneeId) assertCan(ability, 'update', 'Ticket', values);
    await checkReferences(this.em, values);
    return this.em.transactional(async (em) => {
      const ticket = em.create(Ticket, { ...values, tenantId, number: await nextTicketNumber(em, tenantId) });
      await this.sla.ticketCreated(em, ticket);
      this.activity.created(em, actorOf(principal), ticket);
      return ticket;
    });
  }

  /**
   * Optimistic concurrency on top of a row lock: the row is locked for the transaction, so of
   * concurrent writers with the same version exactly one sees it current; the others get 409.
   */
  async update(principal: Principal, ability: AppAbility, id: string, input: UpdateTicketDto, ifMatch?: string): Promise<Ticket> {
    const claimed = [parseIfMatch(ifMatch), input.version].filter((v): v is number => v !== undefined);
    if (claimed.length === 0) throw new ValidationProblem({ version: 'send the version you last read (or an If-Match header)' }, 'version is required');
    const requesterPhone = await normaliseRequesterPhone(this.em, input.requesterPhone);
    return this.em.transactional(async (em) => {
      const ticket = await em.findOne(Ticket, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!ticket) throw notFound('Ticket');
      assertCan(ability, 'update', 'Ticket', ticket);
      if (claimed.some((v) => v !== ticket.version)) throw versionConflict();
      const changes = changedFields(ticket, { ...input, requesterPhone });
      await this.check(em, principal, ability, ticket, changes);
      await this.apply(em, principal, ticket, changes);
      return ticket;
    });
  }

  /** Deleting removes the ticket's notes too; its audit trail stays. */
  async remove(principal: Principal, ability: AppAbility, id: string): Promise<Ticket> {
    return this.em.transactional(async (em) => {
      const ticket = await em.findOne(Ticket, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!ticket) throw notFound('Ticket');
      assertCan(ability, 'delete', 'Ticket', ticket);
      this.activity.deleted(em, actorOf(principal), ticket);
      em.remove(ticket);
      return ticket;
    });
  }

  /**
   * Throws unless the principal may make `changes` to `ticket`: a legal status move, and the row
   * as it would be afterwards still within their ability (an agent cannot hand a ticket to someone
   * else). The stored row was checked by the caller.
   */
  async check(em: EntityManager, principal: Principal, ability: AppAbility, ticket: Ticket, changes: TicketChanges): Promise<void> {
    if (changes.status) assertTransition(ticket.status, changes.status, principal);
    assertCan(ability, 'update', 'Ticket', { ...ticket, ...changes });
    await checkReferences(em, changes);
  }

  /** Applies checked changes and records them (audit, outbox, notification, SLA) in `em`'s unit of work. */
  async apply(em: EntityManager, principal: Principal, ticket: Ticket, changes: TicketChanges): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    const before = snapshot(ticket);
    const now = new Date();
    const { status, ...rest } = changes;
    em.assign(ticket, rest);
    if (status) applyStatus(ticket, status, now);
    ticket.updatedAt = now;
    await this.sla.ticketChanged(em, ticket, { status: before.status!, priority: before.priority!, channel: before.channel!, tags: before.tags! });
    this.activity.updated(em, actorOf(principal), before, ticket);
  }
}
