import type { SlaMetric } from '@callpro/contracts';
import type { SlaEventRecord, SlaMetricRecord, TicketSlaRecord } from './slaTypes';

/** What a badge shows: running in time, warned, breached, met, or paused. */
export type SlaBadgeState = 'ok' | 'warning' | 'breached' | 'met' | 'paused';

export interface SlaBadgeView {
  state: SlaBadgeState;
  /** "12m left", "3m overdue", "paused", "met", "breached". */
  text: string;
  metric: SlaMetric;
  dueAt: string | null;
}

/** The metrics of `ticket.sla` in display order, with the API's key for each. */
export const SLA_METRIC_FIELDS: readonly { metric: SlaMetric; field: keyof TicketSlaRecord }[] = [
  { metric: 'first_response', field: 'firstResponse' },
  { metric: 'next_response', field: 'nextResponse' },
  { metric: 'resolution', field: 'resolution' },
];

export const SLA_METRIC_LABELS: Record<SlaMetric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Under this, seconds are shown too: the last minutes visibly tick. */
const SECONDS_UNDER = 10 * MINUTE;

/** A wall-clock distance, coarse as it grows: "45s", "4m 30s", "12m", "1h 5m", "2d 3h" (whole units, rounded down). */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, Math.abs(ms));
  if (abs < MINUTE) return `${Math.floor(abs / 1000)}s`;
  if (abs < SECONDS_UNDER) return `${Math.floor(abs / MINUTE)}m ${Math.floor((abs % MINUTE) / 1000)}s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)}m`;
  if (abs < DAY) {
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return `${Math.floor(abs / HOUR)}h${minutes ? ` ${minutes}m` : ''}`;
  }
  const hours = Math.floor((abs % DAY) / HOUR);
  return `${Math.floor(abs / DAY)}d${hours ? ` ${hours}h` : ''}`;
}

/** A target in business minutes: "15 min", "1 h 30 min", "72 h". */
export function formatBusinessMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const rest = whole % 60;
  return `${Math.floor(whole / 60)} h${rest ? ` ${rest} min` : ''}`;
}

const time = (iso: string) => Date.parse(iso);

/**
 * A metric's state at `now`. A running clock whose due time has passed is shown breached at
 * once, before the server's job records the breach; a warning is the server's (it knows the
 * business calendar the threshold is measured in).
 */
export function metricState(m: SlaMetricRecord, now: number): SlaBadgeState {
  if (m.status === 'met' || m.status === 'breached' || m.status === 'paused') return m.status;
  if (m.dueAt && time(m.dueAt) <= now) return 'breached';
  return m.warnedPercent !== null ? 'warning' : 'ok';
}

/** The badge of one metric at `now`. */
export function metricBadge(metric: SlaMetric, m: SlaMetricRecord, now: number): SlaBadgeView {
  const state = metricState(m, now);
  const view = (text: string): SlaBadgeView => ({ state, text, metric, dueAt: m.dueAt });
  switch (state) {
    case 'met':
      return view('met');
    case 'paused':
      return view('paused');
    case 'breached':
      // answered late: the breach is history, not a running overdue clock
      if (m.metAt || !m.dueAt) return view('breached');
      return view(`${formatDuration(now - time(m.dueAt))} overdue`);
    default:
      return view(m.dueAt ? `${formatDuration(time(m.dueAt) - now)} left` : 'no target');
  }
}

const byDue = (a: { m: SlaMetricRecord }, b: { m: SlaMetricRecord }) => time(a.m.dueAt ?? '9999') - time(b.m.dueAt ?? '9999');

/**
 * The one badge a ticket row shows: an unanswered breach first (the longest overdue), then the
 * running clock due soonest, then a pause; once nothing runs, "breached" if any metric was
 * missed, else "met". Null when the ticket has no SLA or no metric with a target.
 */
export function ticketSlaBadge(sla: TicketSlaRecord | null | undefined, now: number): SlaBadgeView | null {
  if (!sla) return null;
  const metrics = SLA_METRIC_FIELDS.flatMap(({ metric, field }) => {
    const m = sla[field];
    return m && m.targetMinutes !== null ? [{ metric, m, state: metricState(m, now) }] : [];
  });
  const pick = (wanted: (x: (typeof metrics)[number]) => boolean) => {
    const found = metrics.filter(wanted).sort(byDue)[0];
    return found ? metricBadge(found.metric, found.m, now) : null;
  };
  return (
    pick((x) => x.state === 'breached' && !x.m.metAt) ??
    pick((x) => x.state === 'ok' || x.state === 'warning') ??
    pick((x) => x.state === 'paused') ??
    pick((x) => x.state === 'breached') ??
    pick((x) => x.state === 'met')
  );
}

const MET_LABELS: Record<SlaMetric, string> = {
  first_response: 'First response given',
  next_response: 'Next response given',
  resolution: 'Resolved',
};

/** A line of the SLA log: "First response: 75% of the time used". Times through `formatTime`. */
export function slaEventLabel(event: Pick<SlaEventRecord, 'metric' | 'kind' | 'threshold' | 'dueAt'>, formatTime: (iso: string) => string): string {
  const metric = SLA_METRIC_LABELS[event.metric] ?? event.metric;
  const due = event.dueAt ? `, due ${formatTime(event.dueAt)}` : '';
  switch (event.kind) {
    case 'applied':
      return `${metric} clock started${due}`;
    case 'paused':
      return `${metric} paused`;
    case 'resumed':
      return `${metric} resumed${due}`;
    case 'warning':
      return event.threshold !== null ? `${metric}: ${event.threshold}% of the time used` : `${metric}: due soon`;
    case 'breached':
      return `${metric} target breached`;
    case 'met':
      // also recorded for a late answer, after its breach: say what happened, not "met"
      return MET_LABELS[event.metric] ?? `${metric} met`;
    default:
      return `${metric}: ${String(event.kind)}`;
  }
}
