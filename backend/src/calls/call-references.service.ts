import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import type { TenantSettings } from '../tenants/tenant.entity';
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
  /** Leads with one of the phone numbers asked for (see `load`). */
  leadsByPhone: readonly { id: string; name: string; phone: string }[];
  /** The tenant's settings, read in the same statement (ingestion needs missedCallFollowUp). */
  settings: TenantSettings;
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
 * Set-based reference checks and lead matching for a batch of calls: one statement whatever the
 * batch size (a round trip each per kind made a single POST /call-logs mostly waiting). Raw SQL,
 * so every part names the tenant itself.
 */
@Injectable()
export class CallReferences {
  /** The rows' references that exist, and the leads whose phone is one of `phones` (lead matching). */
  async load(em: EntityManager, rows: readonly Referencing[], phones: readonly string[] = []): Promise<References> {
    const tenantId = tenantOf(em);
    const params: unknown[] = [tenantId];
    // knex expands an array binding into a list; an empty list would be a syntax error
    const part = (values: string[], sql: string) => {
      if (!values.length) return 'null';
      params.push(tenantId, values);
      return `(${sql})`;
    };
    const agents = part(distinct(rows.map((r) => r.agentId)), 'select array_agg(id) from users where tenant_id = ? and active and id in (?)');
    const tickets = part(distinct(rows.map((r) => r.ticketId)), 'select array_agg(id) from tickets where tenant_id = ? and id in (?)');
    const dispositions = part(distinct(rows.map((r) => r.disposition)), 'select array_agg(name) from dispositions where tenant_id = ? and name in (?)');
    const leads = part(distinct(rows.map((r) => r.leadId)), `select json_agg(json_build_object('id', id, 'name', name)) from leads where tenant_id = ? and id in (?)`);
    const byPhone = part(distinct([...phones]), `select json_agg(json_build_object('id', id, 'name', name, 'phone', phone)) from leads where tenant_id = ? and phone in (?)`);
    const [row]: {
      settings: TenantSettings | null;
      agents: string[] | null;
      tickets: string[] | null;
      dispositions: string[] | null;
      leads: { id: string; name: string }[] | null;
      by_phone: { id: string; name: string; phone: string }[] | null;
    }[] = await em.execute(
      `select (select settings from tenants where id = ?) as settings, ${agents} as agents, ${tickets} as tickets,
              ${dispositions} as dispositions, ${leads} as leads, ${byPhone} as by_phone`,
      params,
    );
    return {
      agents: new Set(row.agents ?? []),
      tickets: new Set(row.tickets ?? []),
      dispositions: new Set(row.dispositions ?? []),
      leads: new Map((row.leads ?? []).map((r) => [r.id, r.name])),
      leadsByPhone: row.by_phone ?? [],
      settings: { missedCallFollowUp: true, ...row.settings },
    };
  }

  /**
   * Sets leadId/leadMatch on every row: a lead named by the client (already checked) is kept,
   * otherwise the other party's number is matched against the leads' phones (loaded with `refs`
   * for the numbers of `phonesToMatch`). Returns lead names.
   */
  linkLeads(rows: CallLogRow[], refs: Pick<References, 'leads' | 'leadsByPhone'>): Map<string, string> {
    const names = new Map(refs.leads);
    const byPhone = new Map<string, string[]>();
    for (const lead of refs.leadsByPhone) {
      byPhone.set(lead.phone, [...(byPhone.get(lead.phone) ?? []), lead.id]);
      names.set(lead.id, lead.name);
    }
    for (const row of rows) {
      Object.assign(row, row.leadId ? { leadMatch: 'matched' } : matchLead(byPhone.get(otherParty(row)) ?? []));
    }
    return names;
  }
}

/** The numbers lead matching looks up for `rows`: the other party of each call that names no lead. */
export function phonesToMatch(rows: readonly CallLogRow[]): string[] {
  return distinct(rows.filter((r) => !r.leadId).map(otherParty));
}

function tenantOf(em: EntityManager): string {
  const tenantId = currentTenantId(em);
  if (!tenantId) throw new MissingTenantError();
  return tenantId;
}
