import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { NOTE_VISIBILITIES } from '@callpro/contracts';
import type { AppAbility, Principal } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound, ValidationProblem } from '../common/errors/problem';
import type { ListQuery, ListSpec, RawListQuery } from '../common/rest/list-query';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { actorOf, AuditService, type AuditActor } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { SlaService } from '../sla/sla.service';
import { Ticket } from '../tickets/ticket.entity';
import { TicketNote } from './ticket-note.entity';
import type { CreateTicketNoteDto } from './dto/create-ticket-note.dto';
import type { UpdateTicketNoteDto } from './dto/update-ticket-note.dto';

export const TICKET_NOTE_LIST: ListSpec = {
  resource: 'ticket-notes',
  sortable: ['id', 'createdAt', 'updatedAt', 'visibility', 'authorId'],
  defaultSort: ['createdAt', 'ASC'],
  filters: {
    ticketId: { kind: 'uuid' },
    visibility: { kind: 'enum', values: NOTE_VISIBILITIES },
    authorId: { kind: 'uuid', allowMe: true },
    createdAt: { kind: 'date', range: true },
  },
};

/** Notes are listed per ticket (react-admin getManyReference) or by id (getMany), never all at once. */
export function requireTicketFilter(raw: RawListQuery): void {
  const filter = raw.filter ? (JSON.parse(raw.filter) as Record<string, unknown>) : {};
  if (!Object.hasOwn(filter, 'ticketId') && !Object.hasOwn(filter, 'id')) {
    throw new ValidationProblem({ 'filter.ticketId': 'filter by ticketId (or id)' }, 'Notes are listed per ticket: filter by ticketId');
  }
}

/** A note as its ticket's history records it. */
const noteState = (n: TicketNote) => ({ id: n.id, visibility: n.visibility, body: n.body });

@Injectable()
export class TicketNotesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sla: SlaService,
  ) {}

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: TicketNote[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'TicketNote');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(
      TicketNote,
      { $and: [access, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<TicketNote> {
    const note = await this.em.findOne(TicketNote, id);
    if (!note) throw notFound('Note');
    assertCan(ability, 'read', 'TicketNote', note);
    return note;
  }

  /** On a ticket the principal can read (another tenant's ticket is not found). */
  async create(principal: Principal, ability: AppAbility, input: CreateTicketNoteDto): Promise<TicketNote> {
    const tenantId = currentTenantId(this.em);
    if (!tenantId) throw new MissingTenantError();
    return this.em.transactional(async (em) => {
      const ticket = await em.findOne(Ticket, input.ticketId);
      if (!ticket) throw notFound('Ticket');
      assertCan(ability, 'read', 'Ticket', ticket);
      const authorId = principal.kind === 'user' ? principal.userId : null;
      const values = { ticketId: ticket.id, body: input.body, visibility: input.visibility ?? 'internal', authorId };
      assertCan(ability, 'create', 'TicketNote', values);
      const note = em.create(TicketNote, { ...values, tenantId });
      const actor = actorOf(principal);
      this.audit.record(em, actor, { resource: 'tickets', resourceId: ticket.id, action: 'note', changes: [{ field: 'note', from: null, to: noteState(note) }] });
      this.outbox.publish(em, {
        name: 'ticket-note.created',
        subject: 'TicketNote',
        resourceId: note.id,
        payload: {
          id: note.id,
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          // like the audit trail: a user id, or the API key id for an integration's note
          authorId: actor.actorId ?? '',
          authorType: actor.actorType,
          visibility: note.visibility,
          createdAt: note.createdAt.toISOString(),
        },
      });
      await this.touchTicket(em, principal, ticket, note, actor);
      return note;
    });
  }

  /** Agents: their own notes, within 15 minutes of writing them. */
  async update(principal: Principal, ability: AppAbility, id: string, input: UpdateTicketNoteDto): Promise<TicketNote> {
    return this.em.transactional(async (em) => {
      const note = await em.findOne(TicketNote, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!note) throw notFound('Note');
      assertCan(ability, 'update', 'TicketNote', note);
      const before = noteState(note);
      if (input.body !== undefined) note.body = input.body;
      if (input.visibility !== undefined) note.visibility = input.visibility;
      const after = noteState(note);
      if (before.body === after.body && before.visibility === after.visibility) return note;
      const actor = actorOf(principal);
      this.audit.record(em, actor, { resource: 'tickets', resourceId: note.ticketId, action: 'note', changes: [{ field: 'note', from: before, to: after }] });
      const ticket = await em.findOneOrFail(Ticket, note.ticketId);
      await this.touchTicket(em, principal, ticket, note, actor);
      return note;
    });
  }

  async remove(principal: Principal, ability: AppAbility, id: string): Promise<TicketNote> {
    return this.em.transactional(async (em) => {
      const note = await em.findOne(TicketNote, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!note) throw notFound('Note');
      assertCan(ability, 'delete', 'TicketNote', note);
      this.audit.record(em, actorOf(principal), {
        resource: 'tickets',
        resourceId: note.ticketId,
        action: 'note',
        changes: [{ field: 'note', from: noteState(note), to: null }],
      });
      em.remove(note);
      return note;
    });
  }

  /**
   * A note is activity on its ticket: it moves the ticket's updatedAt, and a public note by a staff
   * user (not an integration) answers the requester: the first one sets firstRespondedAt, and each
   * meets the SLA's pending first or next response. Plain SQL rather than the unit of
   * work (or nativeUpdate, which bumps versioned rows), so that the ticket's version, which an
   * editor holds for their PUT, does not change.
   */
  private async touchTicket(em: EntityManager, principal: Principal, ticket: Ticket, note: TicketNote, actor: AuditActor): Promise<void> {
    const now = new Date();
    const where = [ticket.tenantId, ticket.id];
    await em.execute('update tickets set updated_at = ? where tenant_id = ? and id = ?', [now, ...where], 'run');
    if (principal.kind !== 'user' || note.visibility !== 'public') return;
    await this.sla.agentReplied(em, ticket.id);
    const first: { affectedRows: number } = await em.execute(
      'update tickets set first_responded_at = ? where tenant_id = ? and id = ? and first_responded_at is null',
      [now, ...where],
      'run',
    );
    if (first.affectedRows === 0) return;
    this.audit.record(em, actor, {
      resource: 'tickets',
      resourceId: ticket.id,
      action: 'update',
      changes: [{ field: 'firstRespondedAt', from: null, to: now.toISOString() }],
    });
    this.outbox.publish(em, {
      name: 'ticket.updated',
      subject: 'Ticket',
      resourceId: ticket.id,
      payload: { id: ticket.id, number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority, assigneeId: ticket.assigneeId, updatedAt: now.toISOString(), changed: ['firstRespondedAt'] },
    });
  }
}
