import type { SlaAnswer, SummaryAnswer, SlaComplianceByMetric } from '../analytics-api';
import { AT_RISK_LIMIT, buildKpis } from './kpis';

const range = { from: '2026-11-26T00:00:00.000Z', to: '2026-11-26T12:00:00.000Z' };
const sla = (met: number, breached: number): SlaComplianceByMetric => ({
  firstResponse: { met, breached, compliance: null },
  nextResponse: { met: 0, breached: 0, compliance: null },
  resolution: { met: 0, breached: 0, compliance: null },
});
const tickets = (created: number, resolved: number) => ({
  created,
  resolved,
  backlogChange: created - resolved,
  medianFirstResponseMinutes: null,
  p90FirstResponseMinutes: null,
  medianResolutionMinutes: null,
  p90ResolutionMinutes: null,
});
const calls = (total: number, inbound: number, answered: number) => ({
  total,
  inbound,
  outbound: total - inbound,
  answered,
  missed: inbound - answered,
  abandoned: 0,
  answerRate: inbound ? answered / inbound : null,
  avgTalkSeconds: null,
  avgHandleSeconds: null,
  p90TalkSeconds: null,
});
const summary = (c: ReturnType<typeof calls>, open: number, created = 0, resolved = 0): SummaryAnswer => ({
  period: range,
  previous: range,
  timezone: 'UTC',
  agentId: null,
  timeBasis: 'wall_clock',
  openTickets: open,
  current: { calls: c, tickets: tickets(created, resolved), sla: sla(0, 0) },
  previousFigures: { calls: calls(0, 0, 0), tickets: tickets(0, 0), sla: sla(0, 0) },
});
const slaAnswer = (current: SlaComplianceByMetric, previous: SlaComplianceByMetric, atRisk = 0): SlaAnswer => ({
  period: range,
  previous: range,
  timezone: 'UTC',
  agentId: null,
  asOf: range.to,
  current: { byMetric: current, byPolicy: [], breachesPerDay: [] },
  previousFigures: { byMetric: previous, byPolicy: [], breachesPerDay: [] },
  breachingNextHour: Array.from({ length: atRisk }, (_, i) => ({ ticketId: `t${i}`, number: i, subject: 's', status: 'open', priority: 'normal', assigneeId: null, metric: 'resolution', dueAt: range.to })),
});

describe('buildKpis', () => {
  const answers = {
    today: summary(calls(12, 10, 8), 7, 5, 2),
    yesterday: summary(calls(8, 8, 4), 99),
    sla: slaAnswer(sla(9, 1), sla(8, 2), 2),
  };

  it('shows today against yesterday by this time, open tickets against the start of the day, SLA against the week before', () => {
    const kpis = buildKpis(answers, false);
    expect(kpis.map((k) => [k.name, k.label, k.value, k.comparison?.text ?? null])).toEqual([
      ['callsToday', 'Calls today', '12', '↑ 50%'],
      ['answerRate', 'Answer rate', '80%', '↑ 30 pts'],
      // 7 open now, 5 created and 2 resolved today: 4 at midnight
      ['openTickets', 'Open tickets', '7', '↑ 75%'],
      ['breachingSoon', 'Tickets breaching soon', '2', null],
      ['slaCompliance', 'SLA compliance', '90%', '↑ 10 pts'],
    ]);
    expect(kpis.map((k) => k.comparison?.tone ?? null)).toEqual(['neutral', 'better', 'worse', null, 'better']);
    expect(kpis.find((k) => k.name === 'breachingSoon')?.alert).toBe(true);
  });

  it('labels the figures "My …" for an agent', () => {
    expect(buildKpis(answers, true).map((k) => k.label)).toEqual(['My calls today', 'My answer rate', 'My open tickets', 'My tickets breaching soon', 'My SLA compliance']);
  });

  it('shows dashes without inbound calls or due SLA targets, and caps the at-risk count as the API does', () => {
    const quiet = buildKpis({ today: summary(calls(0, 0, 0), 0), yesterday: summary(calls(0, 0, 0), 0), sla: slaAnswer(sla(0, 0), sla(0, 0), AT_RISK_LIMIT) }, false);
    expect(quiet.map((k) => k.value)).toEqual(['0', '—', '0', `${AT_RISK_LIMIT}+`, '—']);
    expect(quiet.find((k) => k.name === 'answerRate')?.comparison).toBeNull();
  });
});
