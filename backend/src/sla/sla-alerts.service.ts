import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SlaMetric } from '@callpro/contracts';
import { NotificationsService } from '../notifications/notifications.service';
import { OutboxService } from '../outbox/outbox.service';
import type { SlaAlert } from './sla-state';
import type { AlertTicket } from './sla-tickets.sql';

const METRIC_LABEL: Record<SlaMetric, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
};

/**
 * Records a warning or breach once and tells people about it. The row's unique key (ticket,
 * metric, cycle, kind, threshold) decides: only the transaction whose insert went through
 * notifies and publishes, so an alert seen by two instances (or twice after a crash and retry) is
 * announced once. Everything joins the caller's transaction.
 */
@Injectable()
export class SlaAlerts {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Returns whether this call recorded the alert (false: it was already recorded). */
  async raise(em: EntityManager, tenantId: string, ticket: AlertTicket, alert: SlaAlert, recipients: RecipientLookup): Promise<boolean> {
    const inserted: { id: string }[] = await em.execute(
      `insert into sla_events (id, tenant_id, ticket_id, policy_id, metric, kind, cycle, threshold, due_at, occurred_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (tenant_id, ticket_id, metric, cycle, kind, threshold) where kind in ('warning', 'breached') do nothing
       returning id`,
      [tenantId, ticket.id, alert.policyId, alert.metric, alert.kind, alert.cycle, alert.threshold, alert.dueAt, alert.occurredAt],
    );
    if (inserted.length === 0) return false;
    const metric = METRIC_LABEL[alert.metric];
    const warning = alert.kind === 'warning';
    const staff = await recipients.staff();
    const userIds = [
      ...new Set(warning ? (ticket.assigneeId ? [ticket.assigneeId] : staff.supervisors) : [...(ticket.assigneeId ? [ticket.assigneeId] : []), ...staff.supervisors, ...staff.orgAdmins]),
    ];
    this.notifications.notify(em, userIds, {
      type: warning ? 'sla.warning' : 'sla.breached',
      title: warning ? `Ticket #${ticket.number}: ${alert.threshold} % of the ${metric} time used` : `Ticket #${ticket.number} breached its ${metric} target`,
      body: ticket.subject,
      resource: 'tickets',
      resourceId: ticket.id,
    });
    this.outbox.publish(em, {
      name: warning ? 'sla.warning' : 'sla.breached',
      subject: 'Ticket',
      resourceId: ticket.id,
      payload: {
        slaEventId: inserted[0].id,
        ticketId: ticket.id,
        number: ticket.number,
        subject: ticket.subject,
        assigneeId: ticket.assigneeId,
        // who was notified: their UIs toast the alert, the tenant's other screens only refresh
        notifiedUserIds: userIds,
        policyId: alert.policyId ?? undefined,
        metric: alert.metric,
        threshold: alert.threshold,
        dueAt: alert.dueAt?.toISOString(),
        occurredAt: alert.occurredAt.toISOString(),
      },
    });
    return true;
  }
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
