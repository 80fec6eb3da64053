import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SlaMetric, TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import { ClockService } from '../common/clock/clock.service';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { applyPolicy, changeStatus, matchPolicy, respond, sameColumns } from './sla-clock';
import { isOpenStatus, type SlaColumns, type SlaOutcome, type SlaTicket } from './sla-state';
import { loadSlaRules, type SlaRules } from './sla-rules';
import { RecipientLookup, SlaAlerts } from './sla-alerts.service';
import { insertSlaEvents, lockSlaTicket, saveSlaColumns, type AlertTicket } from './sla-tickets.sql';

/** A ticket entity as the SLA module reads and writes it (the tickets module's Ticket). */
export type SlaTicketEntity = SlaTicket & AlertTicket & { tenantId: string };

/** The fields whose change can change a ticket's SLA, as they were before the change. */
export interface SlaRelevantFields {
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  tags: readonly string[];
}

/** Policies cannot change inside one transaction's ticket writes: a bulk update loads them once. */
const rulesCache = new WeakMap<EntityManager, Promise<SlaRules>>();

/**
 * Applies the SLA rules (sla-clock.ts) where tickets change, inside the caller's transaction:
 * the tickets module calls it on create and update (entity paths: the ticket's version moves
 * anyway), the notes and calls modules when an agent answers (SQL paths: the ticket's version,
 * held by its editors, stays).
 */
@Injectable()
export class SlaService {
  constructor(
    private readonly clock: ClockService,
    private readonly alerts: SlaAlerts,
  ) {}

  /** Matches a new ticket (created in `em`, flushed or not) and sets its SLA fields. */
  async ticketCreated(em: EntityManager, ticket: SlaTicketEntity): Promise<void> {
    const rules = await this.rules(em);
    await this.settleEntity(em, ticket, applyPolicy(ticket, matchPolicy(rules.list, ticket), this.clock.now()));
  }

  /**
   * After a ticket's fields changed (`ticket` as it is now, `before` as it was): pauses, resumes,
   * settles or restarts clocks on a status change, and re-matches on a priority, channel or tags
   * change or a reopen.
   */
  async ticketChanged(em: EntityManager, ticket: SlaTicketEntity, before: SlaRelevantFields): Promise<void> {
    const statusChanged = before.status !== ticket.status;
    const reopened = statusChanged && !isOpenStatus(before.status) && isOpenStatus(ticket.status);
    const rematch =
      reopened || before.priority !== ticket.priority || before.channel !== ticket.channel || [...before.tags].sort().join('\u0000') !== [...ticket.tags].sort().join('\u0000');
    if (!statusChanged && !rematch) return;
    const rules = await this.rules(em);
    const now = this.clock.now();
    let current: SlaTicketEntity = ticket;
    const outcomes: SlaOutcome[] = [];
    if (statusChanged) {
      const rule = current.slaPolicyId ? (rules.byId.get(current.slaPolicyId) ?? null) : null;
      outcomes.push(changeStatus(current, before.status, rule, now));
      current = { ...current, ...outcomes[0].columns };
    }
    if (rematch && isOpenStatus(ticket.status)) outcomes.push(applyPolicy(current, matchPolicy(rules.list, current), now, reopened ? now : undefined));
    const last = outcomes[outcomes.length - 1];
    await this.settleEntity(em, ticket, { columns: last.columns, events: outcomes.flatMap((o) => o.events), alerts: outcomes.flatMap((o) => o.alerts) });
  }

  /**
   * First response by another channel than a note (an outbound call linked to the ticket, made at
   * `at`): the calls module calls this in its transaction. Does not change the ticket's version.
   */
  recordFirstResponse(em: EntityManager, ticketId: string, at: Date): Promise<void> {
    return this.respondBySql(em, ticketId, at, ['first_response']);
  }

  /** A public note by an agent (at `at`, default now): it answers both the first and the next response. */
  agentReplied(em: EntityManager, ticketId: string, at: Date = this.clock.now()): Promise<void> {
    return this.respondBySql(em, ticketId, at, ['first_response', 'next_response']);
  }

  private async respondBySql(em: EntityManager, ticketId: string, at: Date, metrics: readonly SlaMetric[]): Promise<void> {
    const tenantId = tenantOf(em);
    const ticket = await lockSlaTicket(em, tenantId, ticketId);
    if (!ticket?.sla) return;
    const outcome = respond(ticket, at, metrics, this.clock.now());
    if (!sameColumns(outcome.columns, ticket)) await saveSlaColumns(em, tenantId, [{ id: ticket.id, columns: outcome.columns }]);
    await this.record(em, tenantId, ticket, outcome);
  }

  private async settleEntity(em: EntityManager, ticket: SlaTicketEntity, outcome: SlaOutcome): Promise<void> {
    if (!sameColumns(outcome.columns, ticket)) Object.assign(ticket, outcome.columns satisfies SlaColumns);
    await this.record(em, ticket.tenantId ?? tenantOf(em), ticket, outcome);
  }

  /** Appends the outcome's events and raises its alerts, in `em`'s transaction. */
  async record(em: EntityManager, tenantId: string, ticket: AlertTicket, outcome: Pick<SlaOutcome, 'events' | 'alerts'>): Promise<void> {
    await insertSlaEvents(em, tenantId, outcome.events.map((event) => ({ ticketId: ticket.id, event })));
    if (outcome.alerts.length === 0) return;
    await this.alerts.raise(em, tenantId, outcome.alerts.map((alert) => ({ ticket, alert })), new RecipientLookup(em, tenantId));
  }

  private rules(em: EntityManager): Promise<SlaRules> {
    let rules = rulesCache.get(em);
    if (!rules) rulesCache.set(em, (rules = loadSlaRules(em)));
    return rules;
  }
}

export function tenantOf(em: EntityManager): string {
  const tenantId = currentTenantId(em);
  if (!tenantId) throw new MissingTenantError();
  return tenantId;
}
