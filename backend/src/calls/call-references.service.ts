import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import type { CallLogRow } from './call-log-upsert.sql';
import { matchLead, otherParty } from './lead-matching';

/** The fields of a call that name other rows of the tenant. */
export type Referencing = Pick<CallLogRow, 'agentId' | 'leadId' | 'ticketId' | 'disposition'>;

/** What a batch names that exists in the tenant. */
export interface References {
  /** Active users. */
  agents: ReadonlySet<string>;
  tickets: ReadonlySet<string>;
  dispositions: ReadonlySet<string>;
  /** Lead id → name. */
  leads: ReadonlyMap<string, string>;
}

/** Why a row's references do not hold in its tenant, by field (null when they do). */
export function referenceErrors(row: Referencing, refs: References): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (row.agentId && !refs.agents.has(row.agentId)) errors.agentId = 'agentId must be an active user of this tenant';
  if (row.leadId && !refs.leads.has(row.leadId)) errors.leadId = 'leadId must be a lead of this tenant';
  if (row.ticketId && !refs.tickets.has(row.ticketId)) errors.ticketId = 'ticketId must be a ticket of this tenant';
  if (row.disposition && !refs.dispositions.has(row.disposition)) errors.disposition = "disposition must be one of this tenant's dispositions";
  return Object.keys(errors).length ? errors : null;
}

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/**
 * Set-based reference checks and lead matching for a batch of calls: one query per kind, whatever
 * the batch size. Raw SQL, so each statement names the tenant itself.
 */
@Injectable()
export class CallReferences {
  async load(em: EntityManager, rows: readonly Referencing[]): Promise<References> {
    const tenantId = tenantOf(em);
    const ids = async (sql: string, values: string[]) => (values.length ? ((await em.execute(sql, [tenantId, values])) as Record<string, string>[]) : []);
    // one after the other: inside a transaction they share one connection anyway
    const agents = await ids('select id from users where tenant_id = ? and active and id in (?)', distinct(rows.map((r) => r.agentId)));
    const tickets = await ids('select id from tickets where tenant_id = ? and id in (?)', distinct(rows.map((r) => r.ticketId)));
    const dispositions = await ids('select name from dispositions where tenant_id = ? and name in (?)', distinct(rows.map((r) => r.disposition)));
    const leads = await ids('select id, name from leads where tenant_id = ? and id in (?)', distinct(rows.map((r) => r.leadId)));
    return {
      agents: new Set(agents.map((r) => r.id)),
      tickets: new Set(tickets.map((r) => r.id)),
      dispositions: new Set(dispositions.map((r) => r.name)),
      leads: new Map(leads.map((r) => [r.id, r.name])),
    };
  }

  /**
   * Sets leadId/leadMatch on every row: a lead named by the client (already checked) is kept,
   * otherwise the other party's number is matched against the leads' phones. Returns lead names.
   */
  async linkLeads(em: EntityManager, rows: CallLogRow[], named: ReadonlyMap<string, string>): Promise<Map<string, string>> {
    const names = new Map(named);
    const unnamed = rows.filter((r) => !r.leadId);
    const numbers = distinct(unnamed.map(otherParty));
    const found: { id: string; name: string; phone: string }[] = numbers.length
      ? await em.execute('select id, name, phone from leads where tenant_id = ? and phone in (?)', [tenantOf(em), numbers])
      : [];
    const byPhone = new Map<string, string[]>();
    for (const lead of found) {
      byPhone.set(lead.phone, [...(byPhone.get(lead.phone) ?? []), lead.id]);
      names.set(lead.id, lead.name);
    }
    for (const row of rows) {
      Object.assign(row, row.leadId ? { leadMatch: 'matched' } : matchLead(byPhone.get(otherParty(row)) ?? []));
    }
    return names;
  }
}

function tenantOf(em: EntityManager): string {
  const tenantId = currentTenantId(em);
  if (!tenantId) throw new MissingTenantError();
  return tenantId;
}
