import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SlaMetric } from '@callpro/contracts';
import { NotificationsService, type Notice, type NotifyInput, type PreparedNotifications } from '../notifications/notifications.service';
import type { PublishInput } from '../outbox/outbox.service';
import { addToGroup } from '../common/collections/group';
import type { SlaAlert } from './sla-state';
import { insertSlaAlerts, slaAlertsDocument, type AlertTicket } from './sla-tickets.sql';

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

/** A warning or breach with the id its SLA event row will have. */
interface IdentifiedAlert extends TicketAlert {
  id: string;
}

/** Alerts with their ids chosen and their rows, notifications and events built, before anything is written. */
export interface PreparedAlerts {
  alerts: readonly IdentifiedAlert[];
  /** The alerts' rows as insertSlaAlerts binds them. */
  document: string;
  staff: TenantStaff;
  /** Notifications and events for every alert, as if each were new. */
  announcements: PreparedNotifications;
}

/**
 * Records warnings and breaches once and tells people about them. The rows' unique key (ticket,
 * metric, cycle, kind, threshold) decides: only the transaction whose insert went through
 * notifies and publishes, so an alert seen by two instances (or twice after a crash and retry) is
 * announced once. Everything joins the caller's transaction, in a fixed number of statements
 * however many alerts: the alerts, the recipients (once per RecipientLookup), the notifications,
 * the outbox rows. `prepare` and `record` split the work for a caller that overlaps the building
 * (CPU) with its own earlier statements (the SLA job); `raise` does both.
 */
@Injectable()
export class SlaAlerts {
  constructor(private readonly notifications: NotificationsService) {}

  /** Returns how many of `alerts` this call recorded (the others were already recorded). */
  async raise(em: EntityManager, tenantId: string, alerts: readonly TicketAlert[], recipients: RecipientLookup): Promise<number> {
    if (alerts.length === 0) return 0;
    return this.record(em, tenantId, this.prepare(alerts, await recipients.staff()));
  }

  /** Chooses the alerts' ids and builds their rows and announcements (no I/O). */
  prepare(alerts: readonly TicketAlert[], staff: TenantStaff): PreparedAlerts {
    const identified = alerts.map((a) => ({ ...a, id: randomUUID() }));
    return {
      alerts: identified,
      document: slaAlertsDocument(identified.map(({ id, ticket, alert }) => ({ id, ticketId: ticket.id, event: alert }))),
      staff,
      announcements: this.announce(identified, staff),
    };
  }

  /**
   * Records prepared alerts and announces the ones that were new: all of them, unless another
   * instance or an earlier try of this batch recorded some first (then it builds again for the rest).
   */
  async record(em: EntityManager, tenantId: string, prepared: PreparedAlerts): Promise<number> {
    const recorded = await insertSlaAlerts(em, tenantId, prepared.document);
    if (recorded.size === 0) return 0;
    const all = recorded.size === prepared.alerts.length;
    await this.notifications.writePrepared(em, all ? prepared.announcements : this.announce(prepared.alerts.filter((a) => recorded.has(a.id)), prepared.staff));
    return recorded.size;
  }

  /**
   * One notification per alert and recipient, up to ALERTS_PER_USER per user (breaches first);
   * beyond that a user gets one summary notification for the rest. Every alert is published, its
   * `notifiedUserIds` naming the users notified of it by name (their UIs toast it).
   */
  private announce(alerts: readonly IdentifiedAlert[], staff: TenantStaff): PreparedNotifications {
    const byName = new Map<IdentifiedAlert, string[]>();
    const summed = new Map<string, IdentifiedAlert[]>();
    const named = new Map<string, number>();
    for (const a of [...alerts.filter(isBreach), ...alerts.filter((a) => !isBreach(a))]) {
      const userIds: string[] = [];
      for (const userId of recipientsOf(a.ticket, a.alert, staff)) {
        const count = named.get(userId) ?? 0;
        if (count < ALERTS_PER_USER) {
          named.set(userId, count + 1);
          userIds.push(userId);
        } else addToGroup(summed, userId, a);
      }
      byName.set(a, userIds);
    }
    const notices: Notice[] = [];
    const events: PublishInput[] = [];
    for (const a of alerts) {
      const userIds = byName.get(a)!;
      if (userIds.length > 0) notices.push({ userIds, input: noticeOf(a.ticket, a.alert) });
      events.push(alertEvent(a.id, a.ticket, a.alert, userIds));
    }
    for (const [userId, rest] of summed) notices.push({ userIds: [userId], input: summaryOf(rest) });
    return this.notifications.prepareMany(notices, events);
  }
}

/**
 * SLA notifications one user gets by name from one batch of the job (a tenant's due tickets, up to
 * SLA_BATCH): when a queue falls behind at once, an agent or supervisor reads twenty alerts and a
 * summary of the rest, not a thousand notifications (and toasts).
 */
export const ALERTS_PER_USER = 20;

const isBreach = (a: TicketAlert) => a.alert.kind === 'breached';

/** The notification that stands for a user's alerts beyond ALERTS_PER_USER; it opens the tickets list. */
function summaryOf(alerts: readonly TicketAlert[]): NotifyInput {
  const breaches = alerts.filter(isBreach).length;
  const warnings = alerts.length - breaches;
  const counts = [breaches > 0 ? `${breaches} breached` : null, warnings > 0 ? `${warnings} at a warning threshold` : null].filter(Boolean).join(', ');
  const numbers = [...new Set(alerts.map((a) => a.ticket.number))].sort((x, y) => x - y);
  const shown = numbers.slice(0, SUMMARY_TICKETS).map((n) => `#${n}`).join(', ');
  return {
    type: breaches > 0 ? 'sla.breached' : 'sla.warning',
    title: `${alerts.length} more SLA ${alerts.length === 1 ? 'alert' : 'alerts'}: ${counts}`,
    body: `Tickets ${shown}${numbers.length > SUMMARY_TICKETS ? ` and ${numbers.length - SUMMARY_TICKETS} more` : ''}`,
    resource: 'tickets',
    resourceId: null,
  };
}

/** Ticket numbers a summary notification lists. */
const SUMMARY_TICKETS = 10;

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
