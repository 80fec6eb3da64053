import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SlaMetric } from '@callpro/contracts';
import { NotificationsService, type Notice, type NotifyInput } from '../notifications/notifications.service';
import type { PublishInput } from '../outbox/outbox.service';
import type { SlaAlert } from './sla-state';
import { insertSlaAlerts, slaAlertKey, type AlertTicket } from './sla-tickets.sql';

const METRIC_LABEL: Record<SlaMetric, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
};

/** A warning or breach of one ticket. */
export interface TicketAlert {
  ticket: AlertTicket;
  alert: SlaAlert;
}

/**
 * Records warnings and breaches once and tells people about them. The rows' unique key (ticket,
 * metric, cycle, kind, threshold) decides: only the transaction whose insert went through
 * notifies and publishes, so an alert seen by two instances (or twice after a crash and retry) is
 * announced once. Everything joins the caller's transaction, in a fixed number of statements
 * however many alerts: the alerts, the recipients (once per RecipientLookup), the notifications,
 * the outbox rows.
 */
@Injectable()
export class SlaAlerts {
  constructor(private readonly notifications: NotificationsService) {}

  /** Returns how many of `alerts` this call recorded (the others were already recorded). */
  async raise(em: EntityManager, tenantId: string, alerts: readonly TicketAlert[], recipients: RecipientLookup): Promise<number> {
    const recorded = await insertSlaAlerts(em, tenantId, alerts.map(({ ticket, alert }) => ({ ticketId: ticket.id, event: alert })));
    if (recorded.size === 0) return 0;
    const staff = await recipients.staff();
    const notices: Notice[] = [];
    const events: PublishInput[] = [];
    for (const { ticket, alert } of alerts) {
      const slaEventId = recorded.get(slaAlertKey(ticket.id, alert));
      if (!slaEventId) continue;
      // once, should the same alert be in the list twice
      recorded.delete(slaAlertKey(ticket.id, alert));
      const userIds = recipientsOf(ticket, alert, staff);
      notices.push({ userIds, input: noticeOf(ticket, alert) });
      events.push(alertEvent(slaEventId, ticket, alert, userIds));
    }
    await this.notifications.notifyMany(em, notices, events);
    return events.length;
  }
}

/** A warning goes to the assignee (or, unassigned, the supervisors); a breach to the assignee, supervisors and org admins. */
function recipientsOf(ticket: AlertTicket, alert: SlaAlert, staff: TenantStaff): string[] {
  const assignee = ticket.assigneeId ? [ticket.assigneeId] : [];
  return [...new Set(alert.kind === 'warning' ? (ticket.assigneeId ? assignee : staff.supervisors) : [...assignee, ...staff.supervisors, ...staff.orgAdmins])];
}

function noticeOf(ticket: AlertTicket, alert: SlaAlert): NotifyInput {
  const metric = METRIC_LABEL[alert.metric];
  const warning = alert.kind === 'warning';
  return {
    type: warning ? 'sla.warning' : 'sla.breached',
    title: warning ? `Ticket #${ticket.number}: ${alert.threshold} % of the ${metric} time used` : `Ticket #${ticket.number} breached its ${metric} target`,
    body: ticket.subject,
    resource: 'tickets',
    resourceId: ticket.id,
  };
}

function alertEvent(slaEventId: string, ticket: AlertTicket, alert: SlaAlert, notifiedUserIds: string[]): PublishInput {
  return {
    name: alert.kind === 'warning' ? 'sla.warning' : 'sla.breached',
    subject: 'Ticket',
    resourceId: ticket.id,
    payload: {
      slaEventId,
      ticketId: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      assigneeId: ticket.assigneeId,
      // who was notified: their UIs toast the alert, the tenant's other screens only refresh
      notifiedUserIds,
      policyId: alert.policyId ?? undefined,
      metric: alert.metric,
      threshold: alert.threshold,
      dueAt: alert.dueAt?.toISOString(),
      occurredAt: alert.occurredAt.toISOString(),
    },
  };
}

export interface TenantStaff {
  supervisors: string[];
  orgAdmins: string[];
}

/** The tenant's active supervisors and org admins, looked up at most once per tenant and transaction. */
export class RecipientLookup {
  private loaded?: Promise<TenantStaff>;

  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
  ) {}

  staff(): Promise<TenantStaff> {
    this.loaded ??= this.em
      .execute<{ id: string; role: string }[]>(
        `select id, role from users where tenant_id = ? and active and role in ('supervisor', 'org_admin') order by id`,
        [this.tenantId],
      )
      .then((rows) => ({ supervisors: rows.filter((r) => r.role === 'supervisor').map((r) => r.id), orgAdmins: rows.filter((r) => r.role === 'org_admin').map((r) => r.id) }));
    return this.loaded;
  }
}
