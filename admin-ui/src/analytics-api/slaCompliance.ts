import type { SlaComplianceByMetric } from './types';

/** SLA compliance over every metric: all targets met ÷ all that fell due; null when none did. */
export function overallCompliance(byMetric: SlaComplianceByMetric): number | null {
  const all = [byMetric.firstResponse, byMetric.nextResponse, byMetric.resolution];
  const met = all.reduce((s, m) => s + m.met, 0);
  const due = all.reduce((s, m) => s + m.met + m.breached, 0);
  return due === 0 ? null : met / due;
}
