import { ApiProperty } from '@nestjs/swagger';
import { SLA_EVENT_KINDS, SLA_METRICS, type SlaEventKind, type SlaMetric } from '@callpro/contracts';
import type { SlaEvent } from '../sla-event.entity';

export class SlaEventResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;
  /** The policy in force; null once that policy was deleted. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  policyId!: string | null;
  @ApiProperty({ enum: SLA_METRICS, enumName: 'SlaMetric' })
  metric!: SlaMetric;
  @ApiProperty({ enum: SLA_EVENT_KINDS, enumName: 'SlaEventKind' })
  kind!: SlaEventKind;
  /** Which run of the metric's clock (a reopen restarts resolution and next response). */
  @ApiProperty({ type: 'integer' })
  cycle!: number;
  /** Warnings: the percentage of the target reached. */
  @ApiProperty({ type: 'integer', nullable: true })
  threshold!: number | null;
  /** The metric's due time at that moment. */
  dueAt!: Date | null;
  /** When it happened (a breach: the due time). */
  occurredAt!: Date;
  createdAt!: Date;

  static from(e: SlaEvent): SlaEventResponse {
    const { id, ticketId, policyId, metric, kind, cycle, threshold, dueAt, occurredAt, createdAt } = e;
    return Object.assign(new SlaEventResponse(), { id, ticketId, policyId, metric, kind, cycle, threshold, dueAt, occurredAt, createdAt });
  }
}
