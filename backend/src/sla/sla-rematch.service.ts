import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketChannel, TicketPriority } from '@callpro/contracts';
import { ClockService } from '../common/clock/clock.service';
import { applyPolicy, matchPolicy, sameColumns } from './sla-clock';
import { loadSlaRules } from './sla-rules';
import { OPEN_TICKET_STATUSES, type SlaColumns, type SlaEventDraft } from './sla-state';
import { insertSlaEvents, pgTextArray, saveSlaColumns, SLA_TICKET_SELECT, slaTicketOfRow, type SlaTicketRow } from './sla-tickets.sql';
import { SlaService, tenantOf } from './sla.service';

const BATCH = 500;

/** Conditions of a policy, to find the open tickets it may now capture. */
export interface PolicyConditions {
  priorities: readonly TicketPriority[];
  channels: readonly TicketChannel[];
  tags: readonly string[];
}

/**
 * Which open tickets a policy change can affect: those on the changed policies, plus those that
 * match a policy's (new) conditions, or simply all of them (a reorder).
 */
export type RematchScope = { all: true } | { policyIds: readonly string[]; capturing?: PolicyConditions };

/**
 * Re-matches a tenant's open tickets after its policies or calendars changed, in the caller's
 * transaction, so the change and its effect commit together. Set-based where it matters: the
 * scope narrows the candidates in SQL; rows are read, locked and written 500 at a time (one
 * UPDATE … FROM jsonb_to_recordset per batch), and only rows whose SLA actually changes are written.
 */
@Injectable()
export class SlaRematch {
  constructor(
    private readonly clock: ClockService,
    private readonly sla: SlaService,
  ) {}

  /** Returns how many tickets changed. */
  async run(em: EntityManager, scope: RematchScope): Promise<number> {
    const tenantId = tenantOf(em);
    const rules = await loadSlaRules(em);
    const now = this.clock.now();
    const [where, params] = scopeSql(scope);
    let after = '00000000-0000-0000-0000-000000000000';
    let changed = 0;
    for (;;) {
      const rows: SlaTicketRow[] = await em.execute(
        `select ${SLA_TICKET_SELECT} from tickets
          where tenant_id = ? and status in (${OPEN_TICKET_STATUSES.map(() => '?').join(', ')}) and id > ? and (${where})
          order by id limit ? for update`,
        [tenantId, ...OPEN_TICKET_STATUSES, after, ...params, BATCH],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const writes: { id: string; columns: SlaColumns }[] = [];
      const events: { ticketId: string; event: SlaEventDraft }[] = [];
      for (const row of rows) {
        const ticket = slaTicketOfRow(row);
        const outcome = applyPolicy(ticket, matchPolicy(rules.list, ticket), now);
        if (sameColumns(outcome.columns, ticket)) continue;
        writes.push({ id: ticket.id, columns: outcome.columns });
        events.push(...outcome.events.map((event) => ({ ticketId: ticket.id, event })));
        // a late first response that only the calls module recorded; rare
        if (outcome.alerts.length) await this.sla.record(em, tenantId, ticket, { events: [], alerts: outcome.alerts });
      }
      await saveSlaColumns(em, tenantId, writes);
      await insertSlaEvents(em, tenantId, events);
      changed += writes.length;
      if (rows.length < BATCH) break;
    }
    return changed;
  }
}

function scopeSql(scope: RematchScope): [string, unknown[]] {
  if ('all' in scope) return ['true', []];
  const onPolicy = 'sla_policy_id = any(?::uuid[])';
  const ids = pgTextArray([...scope.policyIds]);
  if (!scope.capturing) return [onPolicy, [ids]];
  const { priorities, channels, tags } = scope.capturing;
  const [p, c, t] = [pgTextArray(priorities), pgTextArray(channels), pgTextArray(tags)];
  return [
    `${onPolicy} or ((cardinality(?::text[]) = 0 or priority::text = any(?::text[]))
                     and (cardinality(?::text[]) = 0 or channel::text = any(?::text[]))
                     and (cardinality(?::text[]) = 0 or tags && ?::text[]))`,
    [ids, p, p, c, c, t, t],
  ];
}
