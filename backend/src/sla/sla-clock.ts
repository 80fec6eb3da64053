import { SLA_METRICS, type SlaMetric, type TicketStatus } from '@callpro/contracts';
import { addBusinessMinutes, businessMinutesBetween, NoOpenTimeError, type Calendar } from './business-time';
import {
  isOpenStatus,
  TARGET_OF,
  type SlaAlert,
  type SlaColumns,
  type SlaEventDraft,
  type SlaMetricState,
  type SlaOutcome,
  type SlaRule,
  type SlaTicket,
  type TicketSla,
} from './sla-state';

/**
 * The SLA rules of DESIGN.md §6 as pure functions over a ticket's SLA columns: each takes the
 * ticket as stored and "now", and returns the new columns plus the SlaEvents to record and the
 * alerts to raise. The services load and save; everything that decides lives here.
 *
 * - first response: creation → first public agent note or linked outbound call;
 * - next response: reopen → next public agent note (there are no requester messages yet, so a
 *   reopen is the only thing that asks for an answer);
 * - resolution: creation (or the latest reopen) → resolved.
 * Resolving a ticket also settles a response still owed (as met): the requester got an answer.
 */

const iso = (d: Date) => d.toISOString();
const running = (m: SlaMetricState) => m.status === 'active' || m.status === 'paused';

/** First active rule, in the given order, whose conditions all hold (an empty list = any; tags: any one of them). */
export function matchPolicy<R extends SlaRule>(rules: readonly R[], t: Pick<SlaTicket, 'priority' | 'channel' | 'tags'>): R | null {
  return (
    rules.find(
      (r) =>
        r.active &&
        (r.priorities.length === 0 || r.priorities.includes(t.priority)) &&
        (r.channels.length === 0 || r.channels.includes(t.channel)) &&
        (r.tags.length === 0 || r.tags.some((tag) => t.tags.includes(tag))),
    ) ?? null
  );
}

/** `minutes` business minutes after `start`; null when the calendar never opens again. */
function due(start: string, minutes: number, calendar: Calendar): string | null {
  try {
    return iso(addBusinessMinutes(new Date(start), minutes, calendar));
  } catch (error) {
    if (error instanceof NoOpenTimeError) return null;
    throw error;
  }
}

const freshMetric = (startedAt: Date, cycle: number): SlaMetricState => ({
  status: 'active',
  startedAt: iso(startedAt),
  cycle,
  targetMinutes: null,
  pausedMinutes: 0,
  dueAt: null,
  metAt: null,
  warnings: [],
});

/** Clocks for an open ticket that has none yet, from what its own columns tell (and when it was reopened, if just now). */
function initialSla(t: SlaTicket, reopenedAt?: Date): TicketSla {
  const first = freshMetric(t.createdAt, 0);
  if (t.firstRespondedAt) Object.assign(first, { status: 'met', metAt: iso(t.firstRespondedAt) });
  if (!reopenedAt) return { first_response: first, resolution: freshMetric(t.createdAt, 0) };
  return { first_response: first, next_response: freshMetric(reopenedAt, 0), resolution: freshMetric(reopenedAt, 0) };
}

/** The working copy one rule application edits. */
class Work {
  readonly sla: TicketSla;
  policyId: string | null;
  pausedSince: Date | null;
  pausedMinutes: number;
  readonly events: SlaEventDraft[] = [];
  readonly alerts: SlaAlert[] = [];

  constructor(t: SlaTicket, sla: TicketSla, readonly now: Date) {
    this.sla = structuredClone(sla);
    this.policyId = t.slaPolicyId;
    this.pausedSince = t.slaPausedSince;
    this.pausedMinutes = t.slaPausedMinutes;
  }

  metrics(): [SlaMetric, SlaMetricState][] {
    return SLA_METRICS.filter((k) => this.sla[k]).map((k) => [k, this.sla[k]!]);
  }

  event(metric: SlaMetric, m: SlaMetricState, kind: SlaEventDraft['kind'], occurredAt = this.now): void {
    this.events.push({ metric, kind, cycle: m.cycle, threshold: null, dueAt: m.dueAt ? new Date(m.dueAt) : null, occurredAt, policyId: this.policyId });
  }

  alert(metric: SlaMetric, m: SlaMetricState, kind: SlaAlert['kind'], threshold: number | null, occurredAt: Date): void {
    this.alerts.push({ metric, kind, cycle: m.cycle, threshold, dueAt: m.dueAt ? new Date(m.dueAt) : null, occurredAt, policyId: this.policyId });
  }

  outcome(): SlaOutcome {
    let nextDue: string | null = null;
    let nextWarn: string | null = null;
    for (const [, m] of this.metrics()) {
      if (m.status !== 'active') continue;
      if (m.dueAt && (!nextDue || m.dueAt < nextDue)) nextDue = m.dueAt;
      for (const w of m.warnings) if (!w.done && (!nextWarn || w.at < nextWarn)) nextWarn = w.at;
    }
    const columns: SlaColumns = {
      slaPolicyId: this.policyId,
      sla: this.sla,
      slaNextDueAt: nextDue ? new Date(nextDue) : null,
      slaNextWarnAt: nextWarn ? new Date(nextWarn) : null,
      slaPausedSince: this.pausedSince,
      slaPausedMinutes: this.pausedMinutes,
    };
    return { columns, events: this.events, alerts: this.alerts };
  }
}

/** Sets a running metric's target, due time and warning times under `rule` (fired warnings stay fired). */
function schedule(metric: SlaMetric, m: SlaMetricState, rule: SlaRule): void {
  const target = rule[TARGET_OF[metric]];
  m.targetMinutes = target;
  if (target === null) {
    m.dueAt = null;
    m.warnings = [];
    return;
  }
  m.dueAt = due(m.startedAt, target + m.pausedMinutes, rule.calendar);
  const done = new Set(m.warnings.filter((w) => w.done).map((w) => w.threshold));
  m.warnings = m.dueAt
    ? rule.warnAtPercent.map((threshold) => ({ threshold, at: due(m.startedAt, (target * threshold) / 100 + m.pausedMinutes, rule.calendar)!, done: done.has(threshold) }))
    : [];
}

/** Marks a metric answered at `at`: met, or breached if late (raising the breach the job may not have seen yet). */
function meet(w: Work, metric: SlaMetric, m: SlaMetricState, at: Date): void {
  if (!running(m) && !(m.status === 'breached' && !m.metAt)) return;
  m.metAt = iso(at);
  if (m.status !== 'breached') {
    const late = m.dueAt !== null && iso(at) > m.dueAt;
    if (late) w.alert(metric, m, 'breached', null, new Date(m.dueAt!));
    m.status = late ? 'breached' : 'met';
  }
  w.event(metric, m, 'met', at);
}

/** A first response that another writer recorded on the ticket (a linked outbound call) settles the metric. */
function settleRecorded(w: Work, t: SlaTicket): void {
  const first = w.sla.first_response;
  if (first && t.firstRespondedAt) meet(w, 'first_response', first, t.firstRespondedAt);
}

/** Ends the current pause: its business time moves the paused metrics' due times out. */
function endPause(w: Work, rule: SlaRule): void {
  const since = w.pausedSince;
  if (!since) return;
  w.pausedMinutes += businessMinutesBetween(since, w.now, rule.calendar);
  for (const [metric, m] of w.metrics()) {
    if (m.status !== 'paused') continue;
    // a clock that started during the pause only lost the part after its start
    const from = new Date(Math.max(since.getTime(), Date.parse(m.startedAt)));
    m.pausedMinutes += businessMinutesBetween(from, w.now, rule.calendar);
    m.status = 'active';
    schedule(metric, m, rule);
    w.event(metric, m, 'resumed');
  }
  w.pausedSince = null;
}

/** Pauses or resumes the clocks as the ticket's status and the rule's pause statuses say. */
function reconcilePause(w: Work, rule: SlaRule, status: TicketStatus): void {
  const pause = isOpenStatus(status) && rule.pauseStatuses.includes(status);
  if (!pause) return endPause(w, rule);
  if (w.pausedSince) return;
  w.pausedSince = w.now;
  for (const [metric, m] of w.metrics()) {
    if (m.status !== 'active') continue;
    m.status = 'paused';
    w.event(metric, m, 'paused');
  }
}

const unchanged = (t: SlaTicket): SlaOutcome => ({
  columns: {
    slaPolicyId: t.slaPolicyId,
    sla: t.sla,
    slaNextDueAt: t.slaNextDueAt,
    slaNextWarnAt: t.slaNextWarnAt,
    slaPausedSince: t.slaPausedSince,
    slaPausedMinutes: t.slaPausedMinutes,
  },
  events: [],
  alerts: [],
});

/**
 * (Re)matches an open ticket to `rule` (the first matching active policy, or null): on create,
 * when priority, channel or tags change, and when policies change. Clocks, their paused time and
 * fired warnings carry over; due times follow the new targets and calendar. `applied` events say
 * what is due now, for a new policy or a moved due time. `reopenedAt`: the ticket was just reopened
 * (its clocks, if it had none, start there).
 */
export function applyPolicy(t: SlaTicket, rule: SlaRule | null, now: Date, reopenedAt?: Date): SlaOutcome {
  if (!isOpenStatus(t.status)) return unchanged(t);
  if (!rule) {
    if (!t.slaPolicyId && !t.sla) return unchanged(t);
    const columns = { slaPolicyId: null, sla: null, slaNextDueAt: null, slaNextWarnAt: null, slaPausedSince: null, slaPausedMinutes: t.slaPausedMinutes };
    return { columns, events: [], alerts: [] };
  }
  const w = new Work(t, t.sla ?? initialSla(t, reopenedAt), now);
  const newPolicy = w.policyId !== rule.id;
  w.policyId = rule.id;
  settleRecorded(w, t);
  const dueBefore = new Map(w.metrics().map(([metric, m]) => [metric, m.dueAt]));
  for (const [metric, m] of w.metrics()) if (running(m)) schedule(metric, m, rule);
  reconcilePause(w, rule, t.status);
  for (const [metric, m] of w.metrics()) {
    if (running(m) && m.targetMinutes !== null && (newPolicy || m.dueAt !== dueBefore.get(metric))) w.event(metric, m, 'applied');
  }
  return w.outcome();
}

/**
 * A status change under the ticket's current policy (`rule`, null if it has none): pauses and
 * resumes clocks; resolving settles every running metric; reopening restarts resolution and starts
 * next response.
 */
export function changeStatus(t: SlaTicket, from: TicketStatus, rule: SlaRule | null, now: Date): SlaOutcome {
  const to = t.status;
  if (!rule || !t.sla || from === to) return unchanged(t);
  const w = new Work(t, t.sla, now);
  if (isOpenStatus(from) && !isOpenStatus(to)) {
    endPause(w, rule);
    for (const [metric, m] of w.metrics()) meet(w, metric, m, now);
  } else if (!isOpenStatus(from) && isOpenStatus(to)) {
    for (const metric of ['resolution', 'next_response'] as const) {
      const m = freshMetric(now, (w.sla[metric]?.cycle ?? -1) + 1);
      w.sla[metric] = m;
      schedule(metric, m, rule);
      if (m.targetMinutes !== null) w.event(metric, m, 'applied');
    }
    reconcilePause(w, rule, to);
  } else if (isOpenStatus(to)) {
    reconcilePause(w, rule, to);
  }
  return w.outcome();
}

/** An agent answered at `at` (public note: both response metrics; outbound call: first response only). */
export function respond(t: SlaTicket, at: Date, metrics: readonly SlaMetric[], now: Date): SlaOutcome {
  if (!t.sla) return unchanged(t);
  const w = new Work(t, t.sla, now);
  for (const metric of metrics) {
    const m = w.sla[metric];
    if (m) meet(w, metric, m, at);
  }
  return w.outcome();
}

/**
 * The job's look at a ticket whose next warning or due time has passed: a passed due time is a
 * breach (warnings not yet fired are then moot); otherwise the highest passed warning fires (lower
 * ones passed at the same time are skipped: an alert tells where the ticket is, not its history).
 * Also settles what other writers recorded without the SLA module (a first response, a resolve).
 */
export function evaluate(t: SlaTicket, now: Date): SlaOutcome {
  if (!t.sla) return { ...unchanged(t), columns: { ...unchanged(t).columns, slaNextDueAt: null, slaNextWarnAt: null } };
  const w = new Work(t, t.sla, now);
  settleRecorded(w, t);
  if (!isOpenStatus(t.status)) for (const [metric, m] of w.metrics()) meet(w, metric, m, t.resolvedAt ?? now);
  const nowIso = iso(now);
  for (const [metric, m] of w.metrics()) {
    if (m.status !== 'active') continue;
    if (m.dueAt && m.dueAt <= nowIso) {
      m.status = 'breached';
      for (const warning of m.warnings) warning.done = true;
      w.alert(metric, m, 'breached', null, new Date(m.dueAt));
      continue;
    }
    const passed = m.warnings.filter((warning) => !warning.done && warning.at <= nowIso);
    if (passed.length === 0) continue;
    for (const warning of passed) warning.done = true;
    const last = passed.reduce((a, b) => (b.threshold > a.threshold ? b : a));
    w.alert(metric, m, 'warning', last.threshold, new Date(last.at));
  }
  return w.outcome();
}

/** Whether two sets of SLA columns are the same (nothing to write). */
export function sameColumns(a: SlaColumns, b: SlaColumns): boolean {
  const time = (d: Date | null) => d?.getTime() ?? null;
  return (
    a.slaPolicyId === b.slaPolicyId &&
    time(a.slaNextDueAt) === time(b.slaNextDueAt) &&
    time(a.slaNextWarnAt) === time(b.slaNextWarnAt) &&
    time(a.slaPausedSince) === time(b.slaPausedSince) &&
    a.slaPausedMinutes === b.slaPausedMinutes &&
    stableJson(a.sla) === stableJson(b.sla)
  );
}

/** JSON with object keys sorted (PostgreSQL's jsonb does not keep key order). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
