import type { Range } from './analytics-period';
import { leaderboardSql, type LeaderboardSpec } from './agents-analytics.sql';
import { EMPTY, sql, trusted, type Sql } from './sql';

export const EXPORT_REPORTS = ['calls', 'tickets', 'agents'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

/** CSV columns of each report, in order; the statements alias their columns to these names. */
export const EXPORT_COLUMNS: Record<ExportReport, readonly string[]> = {
  calls: [
    'id', 'externalId', 'startedAt', 'answeredAt', 'endedAt', 'direction', 'status', 'outcome', 'missedReason', 'fromNumber', 'toNumber',
    'ringSeconds', 'talkSeconds', 'wrapUpSeconds', 'agentId', 'agentName', 'disposition', 'leadId', 'ticketId', 'source',
  ],
  tickets: [
    'id', 'number', 'subject', 'status', 'priority', 'channel', 'tags', 'assigneeId', 'assigneeName', 'createdAt', 'firstRespondedAt',
    'resolvedAt', 'closedAt', 'firstResponseMinutes', 'resolutionMinutes',
  ],
  agents: ['agentId', 'name', 'callsHandled', 'answerRate', 'avgHandleSeconds', 'ticketsResolved', 'medianFirstResponseMinutes', 'slaCompliance'],
};

/** Columns holding text that people or integrations typed, guarded against spreadsheet formulas. */
export const FREE_TEXT_COLUMNS: ReadonlySet<string> = new Set(['externalId', 'agentName', 'disposition', 'subject', 'tags', 'assigneeName', 'name']);

/** An instant column as ISO-8601 UTC text with milliseconds, like the JSON API (the driver's own text depends on the session zone). */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface ExportScope {
  tenantId: string;
  agentId: string | null;
}

/** Calls started in the range, oldest first (agents: their own). */
export function callsExportSql(scope: ExportScope, range: Range): Sql {
  const agent = scope.agentId ? sql` and c.agent_id = ${scope.agentId}` : EMPTY;
  const times = trusted(`${iso('c.started_at')} as "startedAt", ${iso('c.answered_at')} as "answeredAt", ${iso('c.ended_at')} as "endedAt"`);
  return sql`
    select c.id, c.external_id as "externalId", ${times},
           c.direction, c.status, c.outcome, c.missed_reason as "missedReason", c.from_number as "fromNumber", c.to_number as "toNumber",
           c.ring_seconds as "ringSeconds", c.talk_seconds as "talkSeconds", c.wrap_up_seconds as "wrapUpSeconds",
           c.agent_id as "agentId", u.name as "agentName", c.disposition, c.lead_id as "leadId", c.ticket_id as "ticketId", c.source
      from call_logs c
      left join users u on u.tenant_id = c.tenant_id and u.id = c.agent_id
     where c.tenant_id = ${scope.tenantId} and c.started_at >= ${range.from} and c.started_at < ${range.to}${agent}
     order by c.started_at, c.id`;
}

/** Tickets created in the range, oldest first (agents: those assigned to them). Tags joined with "; ". */
export function ticketsExportSql(scope: ExportScope, range: Range): Sql {
  const agent = scope.agentId ? sql` and t.assignee_id = ${scope.agentId}` : EMPTY;
  const times = trusted(
    `${iso('t.created_at')} as "createdAt", ${iso('t.first_responded_at')} as "firstRespondedAt", ` +
      `${iso('t.resolved_at')} as "resolvedAt", ${iso('t.closed_at')} as "closedAt"`,
  );
  return sql`
    select t.id, t.number, t.subject, t.status, t.priority, t.channel, array_to_string(t.tags, '; ') as tags,
           t.assignee_id as "assigneeId", u.name as "assigneeName", ${times},
           round(extract(epoch from t.first_responded_at - t.created_at) / 60, 2)::float8 as "firstResponseMinutes",
           round(extract(epoch from t.resolved_at - t.created_at) / 60, 2)::float8 as "resolutionMinutes"
      from tickets t
      left join users u on u.tenant_id = t.tenant_id and u.id = t.assignee_id
     where t.tenant_id = ${scope.tenantId} and t.created_at >= ${range.from} and t.created_at < ${range.to}${agent}
     order by t.created_at, t.id`;
}

/** The leaderboard's current-period rows. */
export function agentsExportSql(spec: LeaderboardSpec): Sql {
  return sql`
    select l.id as "agentId", l.name, l.c_calls_handled as "callsHandled", l.c_answer_rate as "answerRate",
           l.c_avg_handle_seconds as "avgHandleSeconds", l.c_tickets_resolved as "ticketsResolved",
           l.c_median_first_response_minutes as "medianFirstResponseMinutes", l.c_sla_compliance as "slaCompliance"
      from (${leaderboardSql(spec)}) l
     order by l.rank`;
}

