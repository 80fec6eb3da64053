import { overallCompliance, type SlaAnswer, type SummaryAnswer } from '../analytics-api';
import { percent } from '../call-logs/callAnalytics';
import { compareCounts, compareRates, type Comparison } from './comparison';
import { SLA_DAYS } from './dashboardPeriods';

export type KpiName = 'callsToday' | 'answerRate' | 'openTickets' | 'breachingSoon' | 'slaCompliance';

/** One KPI card, ready to show. */
export interface Kpi {
  name: KpiName;
  label: string;
  /** The figure as shown ("12", "87%", "—"). */
  value: string;
  /** Against what `comparison` is measured ("vs. same time yesterday"). */
  comparedWith: string;
  comparison: Comparison | null;
  /** What the figure means, for the tooltip. */
  hint: string;
  /** Needs attention (tickets about to breach): the card is highlighted. */
  alert?: boolean;
}

/** The answers the cards are made of. */
export interface KpiAnswers {
  /** Summary of today so far. */
  today: SummaryAnswer;
  /** Summary of the same span yesterday. */
  yesterday: SummaryAnswer;
  /** SLA figures of the last SLA_DAYS days, with the tickets breaching within the hour. */
  sla: SlaAnswer;
}

/** The API lists at most this many tickets breaching within the hour. */
export const AT_RISK_LIMIT = 100;

/**
 * The five dashboard KPIs. `mine`: the figures are the user's own (an agent's), and the labels
 * say so. Open tickets are compared with the start of the day: open now minus today's backlog
 * change (created − resolved today).
 */
export function buildKpis({ today, yesterday, sla }: KpiAnswers, mine: boolean): Kpi[] {
  const my = (team: string, own: string) => (mine ? own : team);
  const calls = today.current.calls;
  const before = yesterday.current.calls;
  const openAtMidnight = today.openTickets - today.current.tickets.backlogChange;
  const compliance = overallCompliance(sla.current.byMetric);
  const atRisk = sla.breachingNextHour.length;
  return [
    {
      name: 'callsToday',
      label: my('Calls today', 'My calls today'),
      value: String(calls.total),
      comparison: compareCounts(calls.total, before.total, 'neither'),
      comparedWith: 'vs. same time yesterday',
      hint: `${calls.inbound} inbound, ${calls.outbound} outbound since midnight`,
    },
    {
      name: 'answerRate',
      label: my('Answer rate', 'My answer rate'),
      value: percent(calls.answerRate),
      comparison: compareRates(calls.answerRate, before.answerRate, 'higher'),
      comparedWith: 'vs. same time yesterday',
      hint: calls.inbound === 0 ? 'No inbound calls yet today' : `${calls.answered} of ${calls.inbound} inbound calls answered today`,
    },
    {
      name: 'openTickets',
      label: my('Open tickets', 'My open tickets'),
      value: String(today.openTickets),
      comparison: compareCounts(today.openTickets, openAtMidnight, 'lower'),
      comparedWith: 'vs. start of day',
      hint: `New, open and pending tickets; ${today.current.tickets.created} created and ${today.current.tickets.resolved} resolved today`,
    },
    {
      name: 'breachingSoon',
      label: my('Tickets breaching soon', 'My tickets breaching soon'),
      value: atRisk >= AT_RISK_LIMIT ? `${AT_RISK_LIMIT}+` : String(atRisk),
      comparison: null,
      comparedWith: 'SLA due within the hour',
      hint: 'Open tickets whose next SLA target falls due within the hour unless someone acts',
      alert: atRisk > 0,
    },
    {
      name: 'slaCompliance',
      label: my('SLA compliance', 'My SLA compliance'),
      value: percent(compliance),
      comparison: compareRates(compliance, overallCompliance(sla.previousFigures.byMetric), 'higher'),
      comparedWith: `last ${SLA_DAYS} days vs. the ${SLA_DAYS} before`,
      hint: `SLA targets met in time, of all that fell due in the last ${SLA_DAYS} days (first response, next response, resolution)`,
    },
  ];
}
