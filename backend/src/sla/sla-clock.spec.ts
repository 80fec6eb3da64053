import type { TicketStatus } from '@callpro/contracts';
import { applyPolicy, changeStatus, evaluate, matchPolicy, respond, sameColumns } from './sla-clock';
import type { SlaOutcome, SlaRule, SlaTicket } from './sla-state';

const T0 = new Date('2026-06-01T10:00:00.000Z'); // a Monday
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const isoAt = (minutes: number) => at(minutes).toISOString();

function rule(over: Partial<SlaRule> = {}): SlaRule {
  return {
    id: 'policy-a',
    active: true,
    priorities: [],
    channels: [],
    tags: [],
    firstResponseMinutes: 60,
    nextResponseMinutes: 30,
    resolutionMinutes: 240,
    warnAtPercent: [75, 90],
    pauseStatuses: ['pending'],
    calendar: null,
    ...over,
  };
}

function ticket(over: Partial<SlaTicket> = {}): SlaTicket {
  return {
    status: 'new',
    priority: 'normal',
    channel: 'phone',
    tags: [],
    createdAt: T0,
    firstRespondedAt: null,
    resolvedAt: null,
    slaPolicyId: null,
    sla: null,
    slaNextDueAt: null,
    slaNextWarnAt: null,
    slaPausedSince: null,
    slaPausedMinutes: 0,
    ...over,
  };
}

/** The ticket after an outcome was saved (and, optionally, a status change). */
const after = (t: SlaTicket, o: SlaOutcome, over: Partial<SlaTicket> = {}): SlaTicket => ({ ...t, ...o.columns, ...over });
const kinds = (o: SlaOutcome) => o.events.map((e) => `${e.metric}:${e.kind}`);

describe('matchPolicy', () => {
  const rules = [
    rule({ id: 'inactive', active: false }),
    rule({ id: 'callback', tags: ['callback', 'vip'] }),
    rule({ id: 'urgent-phone', priorities: ['urgent'], channels: ['phone'] }),
    rule({ id: 'urgent', priorities: ['urgent', 'high'] }),
    rule({ id: 'email', channels: ['email'] }),
  ];

  it('takes the first active rule whose conditions all hold; tags match on any one', () => {
    expect(matchPolicy(rules, { priority: 'normal', channel: 'phone', tags: ['vip'] })?.id).toBe('callback');
    expect(matchPolicy(rules, { priority: 'urgent', channel: 'phone', tags: [] })?.id).toBe('urgent-phone');
    expect(matchPolicy(rules, { priority: 'urgent', channel: 'email', tags: [] })?.id).toBe('urgent');
    expect(matchPolicy(rules, { priority: 'low', channel: 'email', tags: ['x'] })?.id).toBe('email');
    expect(matchPolicy(rules, { priority: 'low', channel: 'web', tags: [] })).toBeNull();
  });
});

describe('applying a policy to a new ticket', () => {
  it('sets due and warning times from creation, and records what applies', () => {
    const o = applyPolicy(ticket(), rule(), T0);
    const first = o.columns.sla!.first_response!;
    expect(first).toMatchObject({ status: 'active', cycle: 0, targetMinutes: 60, dueAt: isoAt(60), metAt: null });
    expect(first.warnings).toEqual([
      { threshold: 75, at: isoAt(45), done: false },
      { threshold: 90, at: isoAt(54), done: false },
    ]);
    expect(o.columns.sla!.resolution).toMatchObject({ dueAt: isoAt(240) });
    expect(o.columns.sla!.next_response).toBeUndefined();
    expect(o.columns).toMatchObject({ slaPolicyId: 'policy-a', slaNextDueAt: at(60), slaNextWarnAt: at(45) });
    expect(kinds(o)).toEqual(['first_response:applied', 'resolution:applied']);
  });

  it('counts business minutes of the calendar', () => {
    const office = rule({ calendar: { timezone: 'UTC', intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })), holidays: [] } });
    const o = applyPolicy(ticket(), office, T0);
    // Monday 10:00 + 60 business minutes = 11:00; + 240 = 1 h Monday, 2 h Tuesday, 1 h Wednesday
    expect(o.columns.sla!.first_response!.dueAt).toBe('2026-06-01T11:00:00.000Z');
    expect(o.columns.sla!.resolution!.dueAt).toBe('2026-06-03T10:00:00.000Z');
  });

  it('tracks a metric without a target but never makes it due', () => {
    const o = applyPolicy(ticket(), rule({ resolutionMinutes: null }), T0);
    expect(o.columns.sla!.resolution).toMatchObject({ status: 'active', targetMinutes: null, dueAt: null, warnings: [] });
    expect(kinds(o)).toEqual(['first_response:applied']);
  });

  it('without a matching rule leaves the ticket without SLA', () => {
    expect(applyPolicy(ticket(), null, T0).columns).toMatchObject({ slaPolicyId: null, sla: null, slaNextDueAt: null });
  });
});

describe('pauses', () => {
  const created = () => {
    const t = ticket();
    return after(t, applyPolicy(t, rule(), T0));
  };

  it('pending pauses the clocks and moves due times out by exactly the paused time', () => {
    const t1 = created();
    const paused = changeStatus({ ...t1, status: 'pending' }, 'new', rule(), at(10));
    expect(paused.columns).toMatchObject({ slaPausedSince: at(10), slaNextDueAt: null, slaNextWarnAt: null });
    expect(paused.columns.sla!.first_response!.status).toBe('paused');
    expect(kinds(paused)).toEqual(['first_response:paused', 'resolution:paused']);

    const t2 = after(t1, paused, { status: 'pending' });
    const resumed = changeStatus({ ...t2, status: 'open' }, 'pending', rule(), at(47));
    expect(resumed.columns).toMatchObject({ slaPausedSince: null, slaPausedMinutes: 37, slaNextDueAt: at(97), slaNextWarnAt: at(82) });
    expect(resumed.columns.sla!.first_response).toMatchObject({ status: 'active', pausedMinutes: 37, dueAt: isoAt(97) });
    expect(resumed.columns.sla!.resolution).toMatchObject({ dueAt: isoAt(277) });
    expect(kinds(resumed)).toEqual(['first_response:resumed', 'resolution:resumed']);
  });

  it('a pause counts only business minutes', () => {
    const office = rule({ calendar: { timezone: 'UTC', intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })), holidays: [] } });
    const t1 = after(ticket(), applyPolicy(ticket(), office, T0));
    const t2 = after(t1, changeStatus({ ...t1, status: 'pending' }, 'new', office, at(30)), { status: 'pending' });
    // paused Monday 10:30 → Tuesday 09:15: 30 + 15 business minutes
    const resumed = changeStatus({ ...t2, status: 'open' }, 'pending', office, new Date('2026-06-02T09:15:00Z'));
    expect(resumed.columns.slaPausedMinutes).toBe(45);
    expect(resumed.columns.sla!.first_response!.dueAt).toBe('2026-06-02T09:45:00.000Z');
  });

  it('a policy without pause statuses does not pause', () => {
    const never = rule({ pauseStatuses: [] });
    const t1 = after(ticket(), applyPolicy(ticket(), never, T0));
    const o = changeStatus({ ...t1, status: 'pending' }, 'new', never, at(10));
    expect(o.columns.slaPausedSince).toBeNull();
    expect(o.events).toEqual([]);
  });
});

describe('re-matching', () => {
  it('keeps the paused time, the clock start and fired warnings; due times follow the new targets', () => {
    const t0 = ticket();
    let t = after(t0, applyPolicy(t0, rule(), T0));
    t = after(t, evaluate(t, at(46)));
    expect(t.sla!.first_response!.warnings[0].done).toBe(true);
    t = after(t, changeStatus({ ...t, status: 'pending' }, 'new', rule(), at(50)), { status: 'pending' });
    t = after(t, changeStatus({ ...t, status: 'open' }, 'pending', rule(), at(70)), { status: 'open' });

    const urgent = rule({ id: 'policy-b', firstResponseMinutes: 120 });
    const o = applyPolicy({ ...t, priority: 'urgent' }, urgent, at(80));
    const first = o.columns.sla!.first_response!;
    expect(first).toMatchObject({ startedAt: T0.toISOString(), pausedMinutes: 20, targetMinutes: 120, dueAt: isoAt(140) });
    expect(first.warnings).toEqual([
      { threshold: 75, at: isoAt(110), done: true },
      { threshold: 90, at: isoAt(128), done: false },
    ]);
    expect(o.columns).toMatchObject({ slaPolicyId: 'policy-b', slaPausedMinutes: 20, slaNextWarnAt: at(128) });
    expect(o.events.map((e) => [e.metric, e.kind, e.policyId])).toEqual([
      ['first_response', 'applied', 'policy-b'],
      ['resolution', 'applied', 'policy-b'],
    ]);
  });

  it('re-matching while paused keeps the pause; a policy that does not pause this status resumes it', () => {
    let t = after(ticket(), applyPolicy(ticket(), rule(), T0));
    t = after(t, changeStatus({ ...t, status: 'pending' }, 'new', rule(), at(10)), { status: 'pending' });
    const same = applyPolicy(t, rule({ id: 'policy-b' }), at(20));
    expect(same.columns.slaPausedSince).toEqual(at(10));
    expect(same.columns.sla!.first_response!.status).toBe('paused');
    const noPause = applyPolicy(t, rule({ id: 'policy-c', pauseStatuses: [] }), at(20));
    expect(noPause.columns).toMatchObject({ slaPausedSince: null, slaPausedMinutes: 10, slaNextDueAt: at(70) });
  });

  it('an unchanged policy writes nothing new', () => {
    const t = after(ticket(), applyPolicy(ticket(), rule(), T0));
    const o = applyPolicy(t, rule(), at(5));
    expect(o.events).toEqual([]);
    expect(sameColumns(o.columns, t)).toBe(true);
  });

  it('a ticket that no longer matches loses its SLA', () => {
    const t = after(ticket(), applyPolicy(ticket(), rule(), T0));
    expect(applyPolicy(t, null, at(5)).columns).toMatchObject({ slaPolicyId: null, sla: null, slaNextDueAt: null, slaNextWarnAt: null });
  });
});

describe('responses and resolution', () => {
  const base = () => after(ticket(), applyPolicy(ticket(), rule(), T0));

  it('an answer in time meets the metric', () => {
    const o = respond(base(), at(20), ['first_response', 'next_response'], at(20));
    expect(o.columns.sla!.first_response).toMatchObject({ status: 'met', metAt: isoAt(20) });
    expect(o.columns.slaNextDueAt).toEqual(at(240));
    expect(kinds(o)).toEqual(['first_response:met']);
    expect(o.alerts).toEqual([]);
  });

  it('a late answer is a breach (raised now if the job had not seen it yet)', () => {
    const o = respond(base(), at(75), ['first_response'], at(75));
    expect(o.columns.sla!.first_response).toMatchObject({ status: 'breached', metAt: isoAt(75) });
    expect(o.alerts).toMatchObject([{ metric: 'first_response', kind: 'breached', threshold: null, dueAt: at(60), occurredAt: at(60) }]);
  });

  it('resolving settles every running metric; reopening restarts resolution and starts next response', () => {
    let t = base();
    t = after(t, respond(t, at(20), ['first_response'], at(20)));
    const resolved = changeStatus({ ...t, status: 'resolved' }, 'open', rule(), at(100));
    expect(resolved.columns.sla!.resolution).toMatchObject({ status: 'met', metAt: isoAt(100) });
    expect(resolved.columns.slaNextDueAt).toBeNull();
    t = after(t, resolved, { status: 'resolved' });

    const reopened = changeStatus({ ...t, status: 'open' }, 'resolved', rule(), at(300));
    expect(reopened.columns.sla!.resolution).toMatchObject({ status: 'active', cycle: 1, startedAt: isoAt(300), dueAt: isoAt(540) });
    expect(reopened.columns.sla!.next_response).toMatchObject({ status: 'active', cycle: 0, dueAt: isoAt(330) });
    expect(reopened.columns.sla!.first_response).toMatchObject({ status: 'met', metAt: isoAt(20) });
    expect(reopened.columns.slaNextDueAt).toEqual(at(330));
    expect(kinds(reopened)).toEqual(['resolution:applied', 'next_response:applied']);

    t = after(t, reopened, { status: 'open' });
    const answered = respond(t, at(310), ['first_response', 'next_response'], at(310));
    expect(answered.columns.sla!.next_response).toMatchObject({ status: 'met', metAt: isoAt(310) });
  });

  it('resolving while paused adds the paused time first', () => {
    let t = base();
    t = after(t, changeStatus({ ...t, status: 'pending' }, 'new', rule(), at(10)), { status: 'pending' });
    const o = changeStatus({ ...t, status: 'resolved' as TicketStatus }, 'pending', rule(), at(40));
    expect(o.columns).toMatchObject({ slaPausedSince: null, slaPausedMinutes: 30 });
    expect(o.columns.sla!.first_response).toMatchObject({ status: 'met', pausedMinutes: 30 });
  });
});

describe('the job evaluating a ticket', () => {
  const base = () => after(ticket(), applyPolicy(ticket(), rule(), T0));

  it('fires warnings in order, then the breach, each once', () => {
    let t = base();
    const early = evaluate(t, at(44));
    expect(early.alerts).toEqual([]);
    const w75 = evaluate(t, at(46));
    expect(w75.alerts).toMatchObject([{ metric: 'first_response', kind: 'warning', threshold: 75, occurredAt: at(45), dueAt: at(60) }]);
    expect(w75.columns.slaNextWarnAt).toEqual(at(54));
    t = after(t, w75);
    expect(evaluate(t, at(47)).alerts).toEqual([]);
    const w90 = evaluate(t, at(55));
    expect(w90.alerts.map((a) => a.threshold)).toEqual([90]);
    t = after(t, w90);
    expect(t.slaNextWarnAt).toEqual(at(180));
    const breach = evaluate(t, at(61));
    expect(breach.alerts).toMatchObject([{ metric: 'first_response', kind: 'breached', threshold: null, occurredAt: at(60) }]);
    t = after(t, breach);
    expect(t.sla!.first_response!.status).toBe('breached');
    expect(t.slaNextDueAt).toEqual(at(240));
    expect(evaluate(t, at(62)).alerts).toEqual([]);
  });

  it('a late look raises only the latest state: the highest passed warning, or just the breach', () => {
    expect(evaluate(base(), at(58)).alerts.map((a) => `${a.kind}:${a.threshold}`)).toEqual(['warning:90']);
    const late = evaluate(base(), at(65));
    expect(late.alerts.map((a) => `${a.kind}:${a.threshold}`)).toEqual(['breached:null']);
    expect(late.columns.sla!.first_response!.warnings.every((w) => w.done)).toBe(true);
  });

  it('settles a first response recorded by another writer instead of warning', () => {
    const o = evaluate({ ...base(), firstRespondedAt: at(30) }, at(50));
    expect(o.alerts).toEqual([]);
    expect(o.columns.sla!.first_response).toMatchObject({ status: 'met', metAt: isoAt(30) });
    expect(kinds(o)).toEqual(['first_response:met']);
  });

  it('paused metrics are never due', () => {
    let t = base();
    t = after(t, changeStatus({ ...t, status: 'pending' }, 'new', rule(), at(10)), { status: 'pending' });
    expect(t.slaNextDueAt).toBeNull();
    expect(evaluate(t, at(500)).alerts).toEqual([]);
  });
});
