import { formatBusinessMinutes, formatDuration, metricBadge, metricState, slaEventLabel, ticketSlaBadge } from './slaState';
import type { SlaMetricRecord, TicketSlaRecord } from './slaTypes';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const at = (minutesFromNow: number) => new Date(NOW + minutesFromNow * 60_000).toISOString();

const metric = (overrides: Partial<SlaMetricRecord> = {}): SlaMetricRecord => ({
  status: 'active',
  startedAt: at(-30),
  targetMinutes: 60,
  pausedMinutes: 0,
  dueAt: at(30),
  metAt: null,
  warnedPercent: null,
  ...overrides,
});

const sla = (overrides: Partial<TicketSlaRecord>): TicketSlaRecord => ({ firstResponse: null, nextResponse: null, resolution: null, ...overrides });

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45_500, '45s'],
    [59_999, '59s'],
    [60_000, '1m 0s'],
    [4 * 60_000 + 30_999, '4m 30s'],
    [10 * 60_000, '10m'],
    [12 * 60_000 + 59_000, '12m'],
    [3600_000, '1h'],
    [3600_000 + 5 * 60_000, '1h 5m'],
    [26 * 3600_000, '1d 2h'],
    [48 * 3600_000 + 59 * 60_000, '2d'],
  ])('%i ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(formatDuration(-ms)).toBe(text);
  });
});

describe('formatBusinessMinutes', () => {
  it('writes minutes under an hour, hours and minutes above', () => {
    expect([15, 60, 90, 72 * 60].map(formatBusinessMinutes)).toEqual(['15 min', '1 h', '1 h 30 min', '72 h']);
  });
});

describe('metricState and metricBadge', () => {
  it('counts down a running clock', () => {
    expect(metricBadge('first_response', metric({ dueAt: at(12.5) }), NOW)).toEqual({ state: 'ok', text: '12m left', metric: 'first_response', dueAt: at(12.5) });
    expect(metricBadge('first_response', metric({ dueAt: new Date(NOW + 40_000).toISOString() }), NOW).text).toBe('40s left');
  });

  it('is a warning once the server raised one', () => {
    expect(metricState(metric({ warnedPercent: 75 }), NOW)).toBe('warning');
    expect(metricBadge('resolution', metric({ warnedPercent: 90, dueAt: at(3) }), NOW)).toMatchObject({ state: 'warning', text: '3m 0s left' });
  });

  it('turns breached the moment the due time passes, before the job records it', () => {
    expect(metricState(metric({ dueAt: at(0) }), NOW)).toBe('breached');
    expect(metricBadge('first_response', metric({ dueAt: at(-3) }), NOW)).toMatchObject({ state: 'breached', text: '3m 0s overdue' });
    expect(metricBadge('first_response', metric({ status: 'breached', dueAt: at(-125) }), NOW)).toMatchObject({ state: 'breached', text: '2h 5m overdue' });
  });

  it('says breached, not overdue, once a late answer came', () => {
    expect(metricBadge('first_response', metric({ status: 'breached', dueAt: at(-10), metAt: at(-5) }), NOW)).toMatchObject({ state: 'breached', text: 'breached' });
  });

  it('shows met and paused as such, whatever the due time', () => {
    expect(metricBadge('first_response', metric({ status: 'met', metAt: at(-1), dueAt: at(-30) }), NOW)).toMatchObject({ state: 'met', text: 'met' });
    expect(metricBadge('resolution', metric({ status: 'paused', dueAt: at(-30) }), NOW)).toMatchObject({ state: 'paused', text: 'paused' });
  });
});

describe('ticketSlaBadge', () => {
  it('is null without an SLA or without any target', () => {
    expect(ticketSlaBadge(null, NOW)).toBeNull();
    expect(ticketSlaBadge(sla({ resolution: metric({ targetMinutes: null, dueAt: null }) }), NOW)).toBeNull();
  });

  it('shows the running clock due soonest', () => {
    const view = ticketSlaBadge(sla({ firstResponse: metric({ status: 'met', metAt: at(-20) }), nextResponse: metric({ dueAt: at(40) }), resolution: metric({ dueAt: at(300) }) }), NOW);
    expect(view).toMatchObject({ metric: 'next_response', state: 'ok', text: '40m left' });
  });

  it('puts an unanswered breach before any running clock', () => {
    const view = ticketSlaBadge(sla({ firstResponse: metric({ status: 'breached', dueAt: at(-7) }), resolution: metric({ dueAt: at(5) }) }), NOW);
    expect(view).toMatchObject({ metric: 'first_response', state: 'breached', text: '7m 0s overdue' });
  });

  it('shows paused when the clocks are paused', () => {
    const view = ticketSlaBadge(sla({ firstResponse: metric({ status: 'met', metAt: at(-20) }), resolution: metric({ status: 'paused' }) }), NOW);
    expect(view).toMatchObject({ state: 'paused', text: 'paused' });
  });

  it('once nothing runs: breached if a target was missed, else met', () => {
    const late = metric({ status: 'breached', dueAt: at(-60), metAt: at(-50) });
    expect(ticketSlaBadge(sla({ firstResponse: late, resolution: metric({ status: 'met', metAt: at(-1) }) }), NOW)).toMatchObject({ state: 'breached', text: 'breached' });
    expect(ticketSlaBadge(sla({ firstResponse: metric({ status: 'met', metAt: at(-40) }), resolution: metric({ status: 'met', metAt: at(-1) }) }), NOW)).toMatchObject({ state: 'met' });
  });
});

describe('slaEventLabel', () => {
  const time = (iso: string) => `<${iso.slice(11, 16)}>`;
  const event = (kind: 'applied' | 'paused' | 'resumed' | 'warning' | 'breached' | 'met', extra: { threshold?: number | null; dueAt?: string | null } = {}) => ({
    metric: 'first_response' as const,
    kind,
    threshold: extra.threshold ?? null,
    dueAt: extra.dueAt ?? null,
  });

  it('says what happened to which metric, in words', () => {
    expect(slaEventLabel(event('applied', { dueAt: '2026-11-25T12:15:00.000Z' }), time)).toBe('First response clock started, due <12:15>');
    expect(slaEventLabel(event('paused'), time)).toBe('First response paused');
    expect(slaEventLabel(event('resumed', { dueAt: '2026-11-25T13:00:00.000Z' }), time)).toBe('First response resumed, due <13:00>');
    expect(slaEventLabel(event('warning', { threshold: 75 }), time)).toBe('First response: 75% of the time used');
    expect(slaEventLabel(event('breached'), time)).toBe('First response target breached');
    expect(slaEventLabel(event('met'), time)).toBe('First response given');
    expect(slaEventLabel({ ...event('met'), metric: 'resolution' }, time)).toBe('Resolved');
  });
});
