import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditChange } from '../audit/audit-event.entity';
import { diffFields, finalFields, initialFields } from '../audit/audit-changes';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OutboxService } from '../outbox/outbox.service';
import { EDITABLE_FIELDS, type TicketChanges } from './ticket-rules';
import type { Ticket } from './ticket.entity';

const AUDITED_ON_CREATE = ['number', ...EDITABLE_FIELDS] as const;

/** The ticket's editable fields before a change, to diff against afterwards. */
export function snapshot(ticket: Ticket): TicketChanges {
  const copy: Record<string, unknown> = {};
  for (const f of EDITABLE_FIELDS) copy[f] = Array.isArray(ticket[f]) ? [...(ticket[f] as string[])] : ticket[f];
  return copy as TicketChanges;
}

/**
 * What every ticket change leaves behind, all in the caller's unit of work (committed or rolled
 * back with the change): audit events (the ticket's history), an outbox event for live updates,
 * and a notification for a new assignee who did not assign themselves.
 */
@Injectable()
export class TicketActivity {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  created(em: EntityManager, actor: AuditActor, ticket: Ticket): void {
    this.audit.record(em, actor, { resource: 'tickets', resourceId: ticket.id, action: 'create', changes: initialFields(ticket, AUDITED_ON_CREATE) });
    this.outbox.publish(em, { name: 'ticket.created', subject: 'Ticket', resourceId: ticket.id, payload: payloadOf(ticket) });
    this.notifyAssignee(em, actor, ticket);
  }

  /**
   * One audit event per kind of change: `status`, `assign`, and `update` for the other fields, so
   * that the history reads "assigned to …", "open → resolved", "changed priority".
   */
  updated(em: EntityManager, actor: AuditActor, before: TicketChanges, ticket: Ticket): void {
    const changes = diffFields(before, ticket, EDITABLE_FIELDS);
    if (changes.length === 0) return;
    const byAction: [('status' | 'assign' | 'update'), AuditChange[]][] = [
      ['update', changes.filter((c) => c.field !== 'status' && c.field !== 'assigneeId')],
      ['status', changes.filter((c) => c.field === 'status')],
      ['assign', changes.filter((c) => c.field === 'assigneeId')],
    ];
    for (const [action, part] of byAction) {
      if (part.length) this.audit.record(em, actor, { resource: 'tickets', resourceId: ticket.id, action, changes: part });
    }
    this.outbox.publish(em, {
      name: 'ticket.updated',
      subject: 'Ticket',
      resourceId: ticket.id,
      payload: { ...payloadOf(ticket), changed: changes.map((c) => c.field) },
    });
    if (before.assigneeId !== ticket.assigneeId) this.notifyAssignee(em, actor, ticket);
  }

  /** The catalogue has no ticket.deleted: clients get ticket.updated with `deleted: true`. */
  deleted(em: EntityManager, actor: AuditActor, ticket: Ticket): void {
    this.audit.record(em, actor, { resource: 'tickets', resourceId: ticket.id, action: 'delete', changes: finalFields(ticket, AUDITED_ON_CREATE) });
    this.outbox.publish(em, {
      name: 'ticket.updated',
      subject: 'Ticket',
      resourceId: ticket.id,
      payload: { ...payloadOf(ticket), deleted: true },
    });
  }

  private notifyAssignee(em: EntityManager, actor: AuditActor, ticket: Ticket): void {
    if (!ticket.assigneeId || (actor.actorType === 'user' && actor.actorId === ticket.assigneeId)) return;
    this.notifications.notify(em, [ticket.assigneeId], {
      type: 'ticket.assigned',
      title: `Ticket #${ticket.number} was assigned to you`,
      body: ticket.subject,
      resource: 'tickets',
      resourceId: ticket.id,
    });
  }
}

function payloadOf(ticket: Ticket) {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    assigneeId: ticket.assigneeId,
    updatedAt: ticket.updatedAt.toISOString(),
  };
}
