export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const SLA_EVENT_KINDS = ['applied', 'paused', 'resumed', 'warning', 'breached', 'met'] as const;
export type SlaEventKind = (typeof SLA_EVENT_KINDS)[number];

export const SLA_STATUSES = ['active', 'paused', 'met', 'breached'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];
