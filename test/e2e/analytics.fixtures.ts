import { randomUUID } from 'node:crypto';
import type { CallDirection, CallOutcome, TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import type { TestApp } from '../support/app';

/**
 * Shared by the analytics e2e specs: rows written straight into the tables (tenant set explicitly)
 * and the expected figures worked out here in plain JS from the very same rows, independently of
 * the SQL under test.
 */

export interface FixtureCall {
  id: string;
  tenantId: string;
  direction: CallDirection;
  outcome: CallOutcome | null;
  startedAt: Date;
  talkSeconds: number;
  wrapUpSeconds: number | null;
  agentId: string | null;
}

export interface FixtureTicket {
  id: string;
  tenantId: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  tags: string[];
  assigneeId: string | null;
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
}

export interface Range {
  from: Date;
  to: Date;
}

const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so that a failure can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function call(c: Partial<FixtureCall> & Pick<FixtureCall, 'tenantId' | 'startedAt'>): FixtureCall {
  return { id: randomUUID(), direction: 'inbound', outcome: 'answered', talkSeconds: 60, wrapUpSeconds: null, agentId: null, ...c };
}

let ticketNumber = 5000;
export function ticket(t: Partial<FixtureTicket> & Pick<FixtureTicket, 'tenantId' | 'createdAt'>): FixtureTicket {
  return {
    id: randomUUID(),
    number: ++ticketNumber,
    subject: 'Fixture ticket',
    status: 'open',
    priority: 'normal',
    channel: 'phone',
    tags: [],
    assigneeId: null,
    firstRespondedAt: null,
    resolvedAt: null,
    ...t,
  };
}

async function insert(t: TestApp, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const conn = t.orm.em.fork().getConnection();
  const perStatement = Math.floor(60_000 / columns.length);
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await conn.execute(`insert into ${table} (${columns.join(', ')}) values ${placeholders}`, chunk.flat(), 'run');
  }
}

/** Inserts calls as the dialer would have stored them: completed, numbers set, ring/answer/end times consistent. */
export async function insertCalls(t: TestApp, calls: FixtureCall[]): Promise<void> {
  const columns = ['id', 'tenant_id', 'direction', 'status', 'outcome', 'from_number', 'to_number', 'started_at', 'answered_at', 'ended_at',
    'talk_seconds', 'ring_seconds', 'wrap_up_seconds', 'agent_id', 'source'];
  await insert(t, 'call_logs', columns, calls.map((c) => {
    const answered = c.outcome === 'answered';
    const answeredAt = answered ? new Date(c.startedAt.getTime() + 5_000) : null;
    const endedAt = c.outcome === null ? null : new Date(c.startedAt.getTime() + 5_000 + c.talkSeconds * 1000);
    return [c.id, c.tenantId, c.direction, c.outcome === null ? 'in_progress' : 'completed', c.outcome, '+14155550100', '+12015550100',
      c.startedAt, answeredAt, endedAt, c.talkSeconds, 5, c.wrapUpSeconds, c.agentId, 'api'];
  }));
}

export async function insertTickets(t: TestApp, tickets: FixtureTicket[]): Promise<void> {
  const columns = ['id', 'tenant_id', 'number', 'subject', 'status', 'priority', 'channel', 'tags', 'assignee_id', 'created_at', 'updated_at',
    'first_responded_at', 'resolved_at', 'closed_at'];
  await insert(t, 'tickets', columns, tickets.map((k) => [k.id, k.tenantId, k.number, k.subject, k.status, k.priority, k.channel,
    `{${k.tags.map((x) => `"${x}"`).join(',')}}`, k.assigneeId, k.createdAt, k.createdAt, k.firstRespondedAt, k.resolvedAt,
    k.status === 'closed' ? k.resolvedAt : null]));
}

const inRange = (d: Date | null, r: Range) => d !== null && d >= r.from && d < r.to;

/** percentile_cont: linear between the two nearest ranks of the sorted values; null for none. */
export function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const pos = fraction * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

/** The documented call figures, straight from their definitions. */
export function expectedCallFigures(calls: FixtureCall[], tenantId: string, range: Range, agentId: string | null = null) {
  const mine = calls.filter((c) => c.tenantId === tenantId && inRange(c.startedAt, range) && (agentId === null || c.agentId === agentId));
  const inbound = mine.filter((c) => c.direction === 'inbound');
  const answeredInbound = inbound.filter((c) => c.outcome === 'answered');
  const answered = mine.filter((c) => c.outcome === 'answered');
  return {
    total: mine.length,
    inbound: inbound.length,
    outbound: mine.length - inbound.length,
    answered: answeredInbound.length,
    missed: inbound.filter((c) => c.outcome !== null && c.outcome !== 'answered' && c.outcome !== 'abandoned').length,
    abandoned: inbound.filter((c) => c.outcome === 'abandoned').length,
    answerRate: inbound.length ? answeredInbound.length / inbound.length : null,
    avgTalkSeconds: mean(answered.map((c) => c.talkSeconds)),
    p90TalkSeconds: percentile(answered.map((c) => c.talkSeconds), 0.9),
    avgHandleSeconds: mean(answered.map((c) => c.talkSeconds + (c.wrapUpSeconds ?? 0))),
  };
}

const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / MINUTE;

export function expectedTicketFigures(tickets: FixtureTicket[], tenantId: string, range: Range, agentId: string | null = null) {
  const mine = tickets.filter((k) => k.tenantId === tenantId && (agentId === null || k.assigneeId === agentId));
  const created = mine.filter((k) => inRange(k.createdAt, range)).length;
  const resolvedTickets = mine.filter((k) => inRange(k.resolvedAt, range));
  const firstResponses = mine.filter((k) => inRange(k.firstRespondedAt, range)).map((k) => minutes(k.createdAt, k.firstRespondedAt!));
  const resolutions = resolvedTickets.map((k) => minutes(k.createdAt, k.resolvedAt!));
  return {
    created,
    resolved: resolvedTickets.length,
    backlogChange: created - resolvedTickets.length,
    medianFirstResponseMinutes: percentile(firstResponses, 0.5),
    p90FirstResponseMinutes: percentile(firstResponses, 0.9),
    medianResolutionMinutes: percentile(resolutions, 0.5),
    p90ResolutionMinutes: percentile(resolutions, 0.9),
  };
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone, from the JS runtime's own tz data. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** ISO weekday (1 = Monday) and hour of an instant in a zone. */
export function localWeekdayHour(instant: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.find((p) => p.type === 'weekday')!.value) + 1;
  return { weekday, hour: Number(parts.find((p) => p.type === 'hour')!.value) };
}

/** Expect `actual` figures to equal `expected` (numbers to 6 decimals). */
export function expectFigures(actual: Record<string, unknown>, expected: Record<string, number | null>): void {
  for (const [key, value] of Object.entries(expected)) {
    const got = actual[key];
    const rounded = (v: unknown) => (typeof v === 'number' ? Number(v.toFixed(6)) : v);
    expect({ [key]: rounded(got) }).toEqual({ [key]: rounded(value) });
  }
}

export interface FixtureSlaEvent {
  tenantId: string;
  ticketId: string;
  policyId: string | null;
  metric: 'first_response' | 'next_response' | 'resolution';
  kind: 'applied' | 'paused' | 'resumed' | 'warning' | 'breached' | 'met';
  cycle: number;
  threshold: number | null;
  dueAt: Date | null;
  occurredAt: Date;
}

export async function insertSlaPolicy(t: TestApp, tenantId: string, name: string, position: number): Promise<string> {
  const id = randomUUID();
  await insert(t, 'sla_policies', ['id', 'tenant_id', 'name', 'position', 'first_response_minutes', 'warn_at_percent', 'pause_statuses'], [
    [id, tenantId, name, position, 60, '{75,90}', '{pending}'],
  ]);
  return id;
}

export async function insertSlaEvents(t: TestApp, events: FixtureSlaEvent[]): Promise<void> {
  const columns = ['id', 'tenant_id', 'ticket_id', 'policy_id', 'metric', 'kind', 'cycle', 'threshold', 'due_at', 'occurred_at'];
  await insert(t, 'sla_events', columns, events.map((e) => [randomUUID(), e.tenantId, e.ticketId, e.policyId, e.metric, e.kind, e.cycle, e.threshold, e.dueAt, e.occurredAt]));
}

/** Per (ticket, metric, cycle) whose met/breached events fell due in the range: breached if any breach, else met. */
export function expectedCompliance(events: FixtureSlaEvent[], tenantId: string, range: Range, filter: (e: FixtureSlaEvent) => boolean = () => true) {
  const targets = new Map<string, { metric: string; policyId: string | null; breached: boolean; last: number }>();
  for (const e of events) {
    if (e.tenantId !== tenantId || !filter(e) || (e.kind !== 'met' && e.kind !== 'breached') || !inRange(e.dueAt, range)) continue;
    const key = `${e.ticketId}|${e.metric}|${e.cycle}`;
    const target = targets.get(key) ?? { metric: e.metric, policyId: e.policyId, breached: false, last: -Infinity };
    target.breached ||= e.kind === 'breached';
    if (e.occurredAt.getTime() > target.last) Object.assign(target, { policyId: e.policyId, last: e.occurredAt.getTime() });
    targets.set(key, target);
  }
  const tally = (list: { breached: boolean }[]) => {
    const breached = list.filter((x) => x.breached).length;
    const met = list.length - breached;
    return { met, breached, compliance: list.length ? met / list.length : null };
  };
  const all = [...targets.values()];
  const byMetric = (metric: string) => tally(all.filter((x) => x.metric === metric));
  return {
    byMetric: { firstResponse: byMetric('first_response'), nextResponse: byMetric('next_response'), resolution: byMetric('resolution') },
    byPolicy: (policyId: string | null, metric: string) => tally(all.filter((x) => x.policyId === policyId && x.metric === metric)),
    all: tally(all),
  };
}

/** RFC 4180 records (quoted fields, doubled quotes, newlines inside quotes); a leading BOM must already be gone. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRecord();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (field !== '' || record.length) endRecord();
  return records;
}
