import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ClockService } from '../common/clock/clock.service';
import { addToGroup } from '../common/collections/group';
import { AppConfig } from '../config/app-config.service';
import { enterTenant } from '../database/rls';
import { whileRunning } from '../database/while-running';
import { evaluate, sameColumns } from './sla-clock';
import { RecipientLookup, SlaAlerts, type TicketAlert } from './sla-alerts.service';
import type { SlaColumns, SlaEventDraft } from './sla-state';
import { insertSlaEvents, saveSlaColumns, SLA_TICKET_SELECT, slaTicketOfRow, type SlaTicketRow } from './sla-tickets.sql';

/** The job's timer in the SchedulerRegistry. */
export const SLA_JOB_INTERVAL = 'sla-job';
/**
 * Tickets per batch (one transaction). Large, because a batch's cost is mostly per statement and
 * per commit: a typical tick is one batch. Rows stay locked for the batch's transaction (well under
 * a second at this size); an agent saving one of them waits that long.
 */
export const SLA_BATCH = 1_000;
/** Bounds one run; what is left waits for the next tick. */
export const SLA_MAX_BATCHES = 10;

/**
 * Tickets whose next warning or due time has passed, across tenants, oldest first, through the
 * expression index on least(sla_next_warn_at, sla_next_due_at): the cost follows the number of due
 * tickets, not of open ones. Rows another transaction holds (an agent saving the ticket) are
 * skipped this time and seen on the next tick. The scan is the SECURITY DEFINER function
 * sla_due_tickets (row-level security): it returns ids and tenants only, locked for the batch's
 * transaction; each tenant's tickets are then read inside that tenant (SLA_TENANT_TICKETS_SQL).
 */
export const SLA_DUE_SQL = `select id, tenant_id from sla_due_tickets(?, ?)`;
export const SLA_TENANT_TICKETS_SQL = `select ${SLA_TICKET_SELECT} from tickets where tenant_id = ? and id = any(?::uuid[])
  order by least(sla_next_warn_at, sla_next_due_at), id`;

export interface SlaJobRun {
  /** False when another instance held the scan lock, so this one did nothing. */
  scanned: boolean;
  tickets: number;
  /** Warnings and breaches this run recorded (and notified, and published). */
  alerts: number;
}

/**
 * The SLA job (DESIGN.md §6): every SLA_JOB_INTERVAL_MS it records the warnings and breaches that
 * fell due, notifies and publishes them, and moves each ticket's next warning and due time on.
 *
 * One instance scans at a time: each batch is one transaction that first takes
 * pg_try_advisory_xact_lock, so an instance that finds the lock taken skips the tick. A batch
 * commits as a whole, alerts and ticket updates together: an instance killed mid-batch leaves
 * nothing behind, and the next run (on any instance) does the batch again. The unique key on
 * alerts means a batch retried after an unclear commit still announces each alert once.
 */
@Injectable()
export class SlaJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(SlaJob.name);
  private current: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly scheduler: SchedulerRegistry,
    private readonly alerts: SlaAlerts,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('SLA_JOB_ENABLED')) return;
    this.scheduler.addInterval(SLA_JOB_INTERVAL, setInterval(() => this.tick(), this.config.get('SLA_JOB_INTERVAL_MS')));
  }

  /** Stops the timer and waits for a run in flight to commit. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.scheduler.doesExist('interval', SLA_JOB_INTERVAL)) this.scheduler.deleteInterval(SLA_JOB_INTERVAL);
    await this.current;
  }

  private tick(): void {
    if (this.current || this.stopping) return;
    this.current = this.runOnce()
      .catch((error: unknown) => this.log.error({ err: error }, 'SLA job run failed'))
      .finally(() => (this.current = null));
  }

  /** One scan over everything due now (by the ClockService). Tests call it directly. */
  async runOnce(): Promise<SlaJobRun> {
    const now = this.clock.now();
    const run: SlaJobRun = { scanned: false, tickets: 0, alerts: 0 };
    for (let batch = 0; batch < SLA_MAX_BATCHES && !this.stopping; batch++) {
      const done = await this.orm.em.fork().transactional((em) => this.batch(em, now));
      if (!done) return run;
      run.scanned = true;
      run.tickets += done.tickets;
      run.alerts += done.alerts;
      if (done.tickets < SLA_BATCH) break;
    }
    return run;
  }

  /** One transaction: null if another instance is scanning. */
  private async batch(em: EntityManager, now: Date): Promise<{ tickets: number; alerts: number } | null> {
    const [{ locked }] = await em.execute<{ locked: boolean }[]>(`select pg_try_advisory_xact_lock(hashtext('callpro:sla-job')) as locked`);
    if (!locked) return null;
    const due: { id: string; tenant_id: string }[] = await em.execute(SLA_DUE_SQL, [now, SLA_BATCH]);
    const byTenant = new Map<string, string[]>();
    for (const row of due) addToGroup(byTenant, row.tenant_id, row.id);
    let alerts = 0;
    for (const [tenantId, ids] of byTenant) alerts += await this.tenantBatch(em, tenantId, ids, now);
    return { tickets: due.length, alerts };
  }

  /**
   * One tenant's share of the batch, set-based: one read of the tickets, the rules in Node, then
   * one write per kind of row (ticket columns, plain SLA events, and through SlaAlerts the alerts,
   * notifications and outbox rows), however many tickets. Returns how many alerts were new.
   */
  private async tenantBatch(em: EntityManager, tenantId: string, ids: readonly string[], now: Date): Promise<number> {
    // notifications and outbox rows take their tenant from the EntityManager, row-level security from app.tenant_id
    await enterTenant(em, tenantId);
    const rows: SlaTicketRow[] = await em.execute(SLA_TENANT_TICKETS_SQL, [tenantId, `{${ids.join(',')}}`]);
    const writes: { id: string; columns: SlaColumns }[] = [];
    const events: { ticketId: string; event: SlaEventDraft }[] = [];
    const alerts: TicketAlert[] = [];
    for (const row of rows) {
      const ticket = slaTicketOfRow(row);
      const outcome = evaluate(ticket, now);
      if (!sameColumns(outcome.columns, ticket)) writes.push({ id: ticket.id, columns: outcome.columns });
      for (const event of outcome.events) events.push({ ticketId: ticket.id, event });
      for (const alert of outcome.alerts) alerts.push({ ticket, alert });
    }
    const staff = alerts.length > 0 ? await new RecipientLookup(em, tenantId).staff() : null;
    // the alerts' rows, notifications and events are built while PostgreSQL updates the tickets
    const [, prepared] = await whileRunning(saveSlaColumns(em, tenantId, writes), () => staff && this.alerts.prepare(alerts, staff));
    await insertSlaEvents(em, tenantId, events);
    return prepared ? this.alerts.record(em, tenantId, prepared) : 0;
  }
}
