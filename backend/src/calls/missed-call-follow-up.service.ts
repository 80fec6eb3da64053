import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MISSED_OUTCOMES, type CallDirection, type CallOutcome, type CallStatus } from '@callpro/contracts';
import type { AuditActor } from '../audit/audit.service';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { SlaService } from '../sla/sla.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Ticket } from '../tickets/ticket.entity';
import { TicketActivity } from '../tickets/ticket-activity.service';
import { nextTicketNumber } from '../tickets/ticket-numbers';
import { User } from '../users/user.entity';

const OPEN_STATUSES = ['new', 'open', 'pending'] as const;

/** A stored call that may need a call back. */
export interface MissedCall {
  id: string;
  direction: CallDirection;
  status: CallStatus;
  outcome: CallOutcome | null;
  fromNumber: string;
  startedAt: Date;
  agentId: string | null;
  leadId: string | null;
  leadName: string | null;
  ticketId: string | null;
}

/** A completed inbound call nobody took (missed, abandoned, voicemail), not already on a ticket. */
export function needsFollowUp(call: Omit<MissedCall, 'id' | 'startedAt' | 'agentId' | 'leadId' | 'leadName' | 'fromNumber'>): boolean {
  return call.direction === 'inbound' && call.status === 'completed' && !!call.outcome && MISSED_OUTCOMES.includes(call.outcome) && !call.ticketId;
}

/**
 * DESIGN.md §5: a missed inbound call from a number without an open ticket opens one (channel
 * phone, assigned to the call's agent), a later miss from that number joins the open ticket, and
 * the agent (or, for unassigned calls, the supervisors) is notified either way.
 *
 * Concurrency: callers first take `lockNumbers` for every number of the batch (sorted, before any
 * ticket is written), so two transactions handling misses from one number run one after the other
 * and the second finds the first one's ticket.
 */
@Injectable()
export class MissedCallFollowUp {
  constructor(
    private readonly activity: TicketActivity,
    private readonly notifications: NotificationsService,
    private readonly sla: SlaService,
  ) {}

  /** Transaction-scoped advisory locks on (tenant, number), taken in a fixed order. */
  async lockNumbers(em: EntityManager, numbers: Iterable<string>): Promise<void> {
    const tenantId = tenantOf(em);
    for (const number of [...new Set(numbers)].sort()) {
      await em.execute(`select pg_advisory_xact_lock(hashtext('missed-call'), hashtext(?))`, [`${tenantId}|${number}`]);
    }
  }

  /** Links the call to the number's open ticket or a new one; returns the ticket id. Needs lockNumbers first. */
  async handle(em: EntityManager, actor: AuditActor, call: MissedCall): Promise<{ ticketId: string; created: boolean }> {
    const tenantId = tenantOf(em);
    const open = await em.findOne(
      Ticket,
      { requesterPhone: call.fromNumber, status: { $in: [...OPEN_STATUSES] } },
      { orderBy: { createdAt: 'desc', id: 'desc' }, fields: ['id', 'number'] },
    );
    const ticket = open ?? (await this.open(em, actor, tenantId, call));
    await em.execute(`update call_logs set ticket_id = ? where tenant_id = ? and id = ?`, [ticket.id, tenantId, call.id], 'run');
    const who = call.leadName ?? call.fromNumber;
    const recipients = call.agentId ? [call.agentId] : await this.supervisors(em);
    this.notifications.notify(em, recipients, {
      type: 'call.missed',
      title: `Missed call from ${who}`,
      body: open ? `Added to the open ticket #${open.number}` : `Call back: ticket #${ticket.number}`,
      resource: 'tickets',
      resourceId: ticket.id,
    });
    return { ticketId: ticket.id, created: !open };
  }

  /** The tickets module's create path: numbered in this transaction, audited, `ticket.created` published. */
  private async open(em: EntityManager, actor: AuditActor, tenantId: string, call: MissedCall): Promise<Ticket> {
    const ticket = em.create(Ticket, {
      tenantId,
      number: await nextTicketNumber(em, tenantId),
      subject: `Missed call from ${call.fromNumber}`,
      description: `Inbound call at ${call.startedAt.toISOString()} was not answered (${call.outcome}).`,
      status: 'new',
      priority: 'normal',
      channel: 'phone',
      // the tenant's callback SLA policy matches this tag (DESIGN.md §6: first response = a call back)
      tags: ['callback'],
      requesterName: call.leadName ?? call.fromNumber,
      requesterPhone: call.fromNumber,
      leadId: call.leadId,
      assigneeId: call.agentId,
      callLogId: call.id,
    });
    this.activity.created(em, actor, ticket);
    await this.sla.ticketCreated(em, ticket);
    // the ticket must exist before the call points at it
    await em.flush();
    return ticket;
  }

  private async supervisors(em: EntityManager): Promise<string[]> {
    const rows = await em.find(User, { role: 'supervisor', active: true }, { fields: ['id'], orderBy: { id: 'asc' } });
    return rows.map((u) => u.id);
  }
}

function tenantOf(em: EntityManager): string {
  const tenantId = currentTenantId(em);
  if (!tenantId) throw new MissingTenantError();
  return tenantId;
}
