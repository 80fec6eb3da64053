import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketStatus } from '@callpro/contracts';
import type { TenantSeedStep } from '../database/seeders/demo.seeder';
import type { Tenant } from '../tenants/tenant.entity';
import { applyPolicy, changeStatus, evaluate, matchPolicy, respond } from './sla-clock';
import { DEFAULT_SLA_POLICIES, provisionDefaultSla } from './sla-defaults';
import { loadSlaRules } from './sla-rules';
import type { SlaColumns, SlaEventDraft, SlaOutcome, SlaRule, SlaTicket } from './sla-state';
import { insertSlaEvents, saveSlaColumns, SLA_TICKET_SELECT, slaTicketOfRow, type SlaTicketRow } from './sla-tickets.sql';
import { localDateOf } from './zoned-time';

/** Something that happened to a ticket, from its history: a status move or a public agent reply. */
export type SlaHistoryStep = { at: Date; status: TicketStatus } | { at: Date; reply: true };

/**
 * A ticket's SLA as the rules would have left it had they run through its life: applied at
 * creation, then, in time order, what the job would have alerted before each step, and the step
 * itself; finally the job's look at `now`. Returns the columns and every SlaEvent, alerts included.
 */
export function replaySla(ticket: SlaTicket, rule: SlaRule | null, history: readonly SlaHistoryStep[], now: Date): { columns: SlaColumns; events: SlaEventDraft[] } {
  let t: SlaTicket = { ...ticket, status: 'new', firstRespondedAt: null, resolvedAt: null, slaPolicyId: null, sla: null, slaNextDueAt: null, slaNextWarnAt: null, slaPausedSince: null, slaPausedMinutes: 0 };
  const events: SlaEventDraft[] = [];
  const take = (o: SlaOutcome) => {
    t = { ...t, ...o.columns };
    events.push(...o.events, ...o.alerts);
  };
  take(applyPolicy(t, rule, t.createdAt));
  for (const step of [...history].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (step.at > now) break;
    take(evaluate(t, step.at));
    if ('reply' in step) {
      take(respond(t, step.at, ['first_response', 'next_response'], step.at));
      t.firstRespondedAt ??= step.at;
    } else {
      const from = t.status;
      t = { ...t, status: step.status, resolvedAt: step.status === 'resolved' ? step.at : step.status === 'closed' ? t.resolvedAt : null };
      take(changeStatus(t, from, rule, step.at));
    }
  }
  take(evaluate(t, now));
  return { columns: columnsOf(t), events };
}

const columnsOf = (t: SlaTicket): SlaColumns => ({
  slaPolicyId: t.slaPolicyId,
  sla: t.sla,
  slaNextDueAt: t.slaNextDueAt,
  slaNextWarnAt: t.slaNextWarnAt,
  slaPausedSince: t.slaPausedSince,
  slaPausedMinutes: t.slaPausedMinutes,
});

/** The status moves (audit trail) and public staff replies (notes) of the tenant's tickets. */
async function histories(em: EntityManager, tenantId: string): Promise<Map<string, SlaHistoryStep[]>> {
  const moves: { resource_id: string; occurred_at: Date | string; changes: { field: string; to: TicketStatus }[] }[] = await em.execute(
    `select resource_id, occurred_at, changes from audit_events where tenant_id = ? and resource = 'tickets' and action = 'status'`,
    [tenantId],
  );
  const replies: { ticket_id: string; created_at: Date | string }[] = await em.execute(
    `select ticket_id, created_at from ticket_notes where tenant_id = ? and visibility = 'public' and author_id is not null`,
    [tenantId],
  );
  const byTicket = new Map<string, SlaHistoryStep[]>();
  const add = (id: string, step: SlaHistoryStep) => byTicket.set(id, [...(byTicket.get(id) ?? []), step]);
  for (const m of moves) {
    const to = m.changes.find((c) => c.field === 'status')?.to;
    if (to) add(m.resource_id, { at: new Date(m.occurred_at), status: to });
  }
  for (const r of replies) add(r.ticket_id, { at: new Date(r.created_at), reply: true });
  return byTicket;
}

const CHUNK = 500;

/**
 * Demo seed step (after tickets): the default calendar and policies of sla-defaults.ts, with this
 * year's and next year's national holidays (US for acme, DE for globex), and every seeded ticket's
 * SLA replayed from its history, so that the demo shows met, warned, breached and running clocks
 * with their event log. Past alerts are recorded, not notified.
 */
export const seedDemoSla: TenantSeedStep = async (em: EntityManager, tenant: Tenant, log) => {
  const now = new Date();
  const year = Number(localDateOf(now.getTime(), tenant.timezone).slice(0, 4));
  await provisionDefaultSla(em, tenant, [year, year + 1]);
  const rules = await loadSlaRules(em);

  const counts = await em.transactional(async (tem) => {
    const rows: SlaTicketRow[] = await tem.execute(`select ${SLA_TICKET_SELECT} from tickets where tenant_id = ? order by id`, [tenant.id]);
    const steps = await histories(tem, tenant.id);
    const writes: { id: string; columns: SlaColumns }[] = [];
    const events: { ticketId: string; event: SlaEventDraft }[] = [];
    for (const row of rows) {
      const ticket = slaTicketOfRow(row);
      const replayed = replaySla(ticket, matchPolicy(rules.list, ticket), steps.get(ticket.id) ?? [], now);
      writes.push({ id: ticket.id, columns: replayed.columns });
      events.push(...replayed.events.map((event) => ({ ticketId: ticket.id, event })));
    }
    for (let i = 0; i < writes.length; i += CHUNK) await saveSlaColumns(tem, tenant.id, writes.slice(i, i + CHUNK));
    for (let i = 0; i < events.length; i += 4 * CHUNK) await insertSlaEvents(tem, tenant.id, events.slice(i, i + 4 * CHUNK));
    return { tickets: rows.length, events: events.length };
  });
  log(`  ${tenant.name}: ${DEFAULT_SLA_POLICIES.length} SLA policies, SLA replayed on ${counts.tickets} tickets (${counts.events} SLA events)`);
};
