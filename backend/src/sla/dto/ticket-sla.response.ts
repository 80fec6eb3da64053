import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLA_STATUSES, type SlaStatus } from '@callpro/contracts';
import type { SlaMetricState, TicketSla } from '../sla-state';

/** One SLA metric of a ticket. */
export class SlaMetricResponse {
  @ApiProperty({ enum: SLA_STATUSES, enumName: 'SlaStatus' })
  status!: SlaStatus;
  /** When this run of the clock started (creation, or the latest reopen). */
  startedAt!: Date;
  /** Business minutes; null = the policy sets no target (never due). */
  @ApiProperty({ type: 'integer', nullable: true })
  targetMinutes!: number | null;
  /** Business minutes spent paused in this run (the due time moved out by as much). */
  @ApiProperty({ type: Number })
  pausedMinutes!: number;
  dueAt!: Date | null;
  metAt!: Date | null;
  /** The highest warning threshold (percent of the target) this run has passed, or null. */
  @ApiProperty({ type: 'integer', nullable: true })
  warnedPercent!: number | null;

  static from(m: SlaMetricState | undefined): SlaMetricResponse | null {
    if (!m) return null;
    const date = (v: string | null) => (v ? new Date(v) : null);
    return Object.assign(new SlaMetricResponse(), {
      status: m.status,
      startedAt: new Date(m.startedAt),
      targetMinutes: m.targetMinutes,
      pausedMinutes: m.pausedMinutes,
      dueAt: date(m.dueAt),
      metAt: date(m.metAt),
      warnedPercent: m.warnings.filter((w) => w.done).reduce<number | null>((max, w) => Math.max(max ?? 0, w.threshold), null),
    });
  }
}

/** A ticket's SLA metrics under its policy; a metric is null while its clock has not started (next response before a reopen). */
export class TicketSlaResponse {
  @ApiPropertyOptional({ type: SlaMetricResponse, nullable: true })
  firstResponse!: SlaMetricResponse | null;
  @ApiPropertyOptional({ type: SlaMetricResponse, nullable: true })
  nextResponse!: SlaMetricResponse | null;
  @ApiPropertyOptional({ type: SlaMetricResponse, nullable: true })
  resolution!: SlaMetricResponse | null;

  static from(sla: TicketSla | null): TicketSlaResponse | null {
    if (!sla) return null;
    return Object.assign(new TicketSlaResponse(), {
      firstResponse: SlaMetricResponse.from(sla.first_response),
      nextResponse: SlaMetricResponse.from(sla.next_response),
      resolution: SlaMetricResponse.from(sla.resolution),
    });
  }
}
