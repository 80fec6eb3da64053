import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import type { SlaColumns, SlaEventDraft, SlaTicket, TicketSla } from './sla-state';
import { executeBound } from '../database/bound-sql';

/**
 * Plain SQL on tickets' SLA columns, for the paths that must not bump a ticket's `version` (a note,
 * a call, the job, a policy edit: none is an edit of the ticket that an editor must reload for).
 * Every statement names the tenant.
 */

/** The ticket columns the SLA rules and alerts read. */
export const SLA_TICKET_SELECT = `id, tenant_id, number, subject, assignee_id, status, priority, channel, tags, created_at, first_responded_at,
  resolved_at, sla_policy_id, sla, sla_next_due_at, sla_next_warn_at, sla_paused_since, sla_paused_minutes`;

export interface SlaTicketRow {
  id: string;
  tenant_id: string;
  number: number;
  subject: string;
  assignee_id: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  tags: string[];
  created_at: Date | string;
  first_responded_at: Date | string | null;
  resolved_at: Date | string | null;
  sla_policy_id: string | null;
  sla: TicketSla | null;
  sla_next_due_at: Date | string | null;
  sla_next_warn_at: Date | string | null;
  sla_paused_since: Date | string | null;
  sla_paused_minutes: number | string;
}

/** What an alert tells about its ticket. */
export interface AlertTicket {
  id: string;
  number: number;
  subject: string;
  assigneeId: string | null;
}

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function slaTicketOfRow(r: SlaTicketRow): SlaTicket & AlertTicket {
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    assigneeId: r.assignee_id,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    tags: r.tags,
    createdAt: new Date(r.created_at),
    firstRespondedAt: toDate(r.first_responded_at),
    resolvedAt: toDate(r.resolved_at),
    slaPolicyId: r.sla_policy_id,
    sla: r.sla,
    slaNextDueAt: toDate(r.sla_next_due_at),
    slaNextWarnAt: toDate(r.sla_next_warn_at),
    slaPausedSince: toDate(r.sla_paused_since),
    slaPausedMinutes: Number(r.sla_paused_minutes),
  };
}

/** One open or done ticket of the tenant, locked for the transaction; null if there is none. */
export async function lockSlaTicket(em: EntityManager, tenantId: string, ticketId: string): Promise<(SlaTicket & AlertTicket) | null> {
  const rows: SlaTicketRow[] = await em.execute(`select ${SLA_TICKET_SELECT} from tickets where tenant_id = ? and id = ? for update`, [tenantId, ticketId]);
  return rows.length ? slaTicketOfRow(rows[0]) : null;
}

const columnsJson = (id: string, c: SlaColumns) => ({
  id,
  sla_policy_id: c.slaPolicyId,
  sla: c.sla,
  sla_next_due_at: c.slaNextDueAt?.toISOString() ?? null,
  sla_next_warn_at: c.slaNextWarnAt?.toISOString() ?? null,
  sla_paused_since: c.slaPausedSince?.toISOString() ?? null,
  sla_paused_minutes: c.slaPausedMinutes,
});

/** Writes the SLA columns of many tickets of one tenant in one statement. */
export async function saveSlaColumns(em: EntityManager, tenantId: string, rows: readonly { id: string; columns: SlaColumns }[]): Promise<void> {
  if (rows.length === 0) return;
  await executeBound(
    em,
    `update tickets t
        set sla_policy_id = v.sla_policy_id, sla = v.sla, sla_next_due_at = v.sla_next_due_at, sla_next_warn_at = v.sla_next_warn_at,
            sla_paused_since = v.sla_paused_since, sla_paused_minutes = v.sla_paused_minutes
       from jsonb_to_recordset(?::jsonb) as v(id uuid, sla_policy_id uuid, sla jsonb, sla_next_due_at timestamptz, sla_next_warn_at timestamptz,
                                             sla_paused_since timestamptz, sla_paused_minutes double precision)
      where t.tenant_id = ? and t.id = v.id`,
    [JSON.stringify(rows.map((r) => columnsJson(r.id, r.columns))), tenantId],
  );
}

type SlaEventRows = readonly { ticketId: string; event: SlaEventDraft; id?: string }[];

/** SLA events from a JSON document; `id`: the column's value (chosen ahead for alerts, else generated). */
const slaEventsInsert = (id: 'gen_random_uuid()' | 'v.id') => `insert into sla_events (id, tenant_id, ticket_id, policy_id, metric, kind, cycle, threshold, due_at, occurred_at)
     select ${id}, ?, v.ticket_id, v.policy_id, v.metric::sla_metric, v.kind::sla_event_kind, v.cycle, v.threshold, v.due_at, v.occurred_at
       from jsonb_to_recordset(?::jsonb) as v(id uuid, ticket_id uuid, policy_id uuid, metric text, kind text, cycle int, threshold int, due_at timestamptz, occurred_at timestamptz)`;

const slaEventsJson = (rows: SlaEventRows) =>
  JSON.stringify(
    rows.map(({ id, ticketId, event: e }) => ({
      id,
      ticket_id: ticketId,
      policy_id: e.policyId,
      metric: e.metric,
      kind: e.kind,
      cycle: e.cycle,
      threshold: e.threshold,
      due_at: e.dueAt?.toISOString() ?? null,
      occurred_at: e.occurredAt.toISOString(),
    })),
  );

/** Appends SlaEvent rows as they are (live warnings and breaches go through SlaAlerts, which records each once). */
export async function insertSlaEvents(em: EntityManager, tenantId: string, rows: SlaEventRows): Promise<void> {
  if (rows.length === 0) return;
  await executeBound(em, slaEventsInsert('gen_random_uuid()'), [tenantId, slaEventsJson(rows)]);
}

/** Warnings and breaches, with the ids their rows will have, as the JSON document insertSlaAlerts binds. */
export function slaAlertsDocument(rows: readonly { id: string; ticketId: string; event: SlaEventDraft }[]): string {
  return slaEventsJson(rows);
}

/**
 * Records warnings and breaches (slaAlertsDocument) in one statement, each at most once ever:
 * rows already recorded (by this instance earlier, by another one, or twice in the document) are
 * skipped, by the partial unique key sla_events_alert_unique (ticket, metric, cycle, kind,
 * threshold). Returns the ids of the rows inserted: only those may be notified and published.
 */
export async function insertSlaAlerts(em: EntityManager, tenantId: string, document: string): Promise<Set<string>> {
  const inserted: { id: string }[] = await executeBound(
    em,
    `${slaEventsInsert('v.id')}
     on conflict (tenant_id, ticket_id, metric, cycle, kind, threshold) where kind in ('warning', 'breached') do nothing
     returning id`,
    [tenantId, document],
  );
  return new Set(inserted.map((r) => r.id));
}

/** A PostgreSQL text[] literal, passed as one value. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}
