import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketPriority, TicketStatus } from '@callpro/contracts';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { SlaService } from '../sla/sla.service';
import { OutboxService } from '../outbox/outbox.service';

interface Responded {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  assignee_id: string | null;
  first_responded_at: Date;
  updated_at: Date;
}

/**
 * DESIGN.md §5/§6: an outbound call on a ticket is the ticket's first response if none was
 * recorded yet (and the call came after the ticket). Plain SQL, as for a first public note, so that
 * the ticket's `version` (held by anyone editing it) does not change; audited and published.
 */
@Injectable()
export class TicketFirstResponse {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sla: SlaService,
  ) {}

  /** `calls`: outbound calls with their ticket; the earliest per ticket counts. */
  async record(em: EntityManager, actor: AuditActor, calls: readonly { ticketId: string; startedAt: Date }[]): Promise<void> {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    const earliest = new Map<string, Date>();
    for (const c of calls) if (!earliest.has(c.ticketId) || c.startedAt < earliest.get(c.ticketId)!) earliest.set(c.ticketId, c.startedAt);
    // id order, so that concurrent batches lock tickets in the same order
    for (const [ticketId, at] of [...earliest].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const rows: Responded[] = await em.execute(
        `update tickets set first_responded_at = ?
          where tenant_id = ? and id = ? and first_responded_at is null and created_at <= ?
          returning id, number, subject, status, priority, assignee_id, first_responded_at, updated_at`,
        [at, tenantId, ticketId, at],
      );
      if (!rows.length) continue;
      this.published(em, actor, rows[0]);
      await this.sla.recordFirstResponse(em, ticketId, at);
    }
  }

  private published(em: EntityManager, actor: AuditActor, t: Responded): void {
    const at = new Date(t.first_responded_at).toISOString();
    this.audit.record(em, actor, { resource: 'tickets', resourceId: t.id, action: 'update', changes: [{ field: 'firstRespondedAt', from: null, to: at }] });
    this.outbox.publish(em, {
      name: 'ticket.updated',
      subject: 'Ticket',
      resourceId: t.id,
      payload: {
        id: t.id,
        number: t.number,
        subject: t.subject,
        status: t.status,
        priority: t.priority,
        assigneeId: t.assignee_id,
        updatedAt: new Date(t.updated_at).toISOString(),
        changed: ['firstRespondedAt'],
      },
    });
  }
}
