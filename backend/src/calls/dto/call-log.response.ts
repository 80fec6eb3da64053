import { ApiProperty } from '@nestjs/swagger';
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  CALL_SOURCES,
  CALL_STATUSES,
  MISSED_REASONS,
  type CallDirection,
  type CallOutcome,
  type CallSource,
  type CallStatus,
  type MissedReason,
} from '@callpro/contracts';
import { LEAD_MATCHES, type CallLog, type LeadMatch } from '../call-log.entity';

/** A call as the API shows it. */
export class CallLogResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;
  externalId!: string | null;
  @ApiProperty({ enum: CALL_DIRECTIONS, enumName: 'CallDirection' })
  direction!: CallDirection;
  @ApiProperty({ enum: CALL_STATUSES, enumName: 'CallStatus' })
  status!: CallStatus;
  @ApiProperty({ enum: CALL_OUTCOMES, enumName: 'CallOutcome', nullable: true })
  outcome!: CallOutcome | null;
  @ApiProperty({ enum: MISSED_REASONS, enumName: 'MissedReason', nullable: true })
  missedReason!: MissedReason | null;
  /** E.164. */
  fromNumber!: string;
  /** E.164. */
  toNumber!: string;
  startedAt!: Date;
  answeredAt!: Date | null;
  endedAt!: Date | null;
  /** endedAt − answeredAt, 0 if never answered. */
  @ApiProperty({ type: 'integer' })
  talkSeconds!: number;
  /** (answeredAt ?? endedAt) − startedAt. */
  @ApiProperty({ type: 'integer' })
  ringSeconds!: number;
  @ApiProperty({ type: 'integer', nullable: true })
  wrapUpSeconds!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  leadId!: string | null;
  /** `ambiguous`: several leads have the other party's number, so none was linked. */
  @ApiProperty({ enum: LEAD_MATCHES, enumName: 'CallLeadMatch' })
  leadMatch!: LeadMatch;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId!: string | null;
  disposition!: string | null;
  notes!: string | null;
  recordingUrl!: string | null;
  recordingConsent!: boolean | null;
  @ApiProperty({ enum: CALL_SOURCES, enumName: 'CallSource' })
  source!: CallSource;
  deviceId!: string | null;
  createdAt!: Date;
  updatedAt!: Date;

  static from(c: CallLog): CallLogResponse {
    return Object.assign(new CallLogResponse(), {
      id: c.id,
      tenantId: c.tenantId,
      externalId: c.externalId,
      direction: c.direction,
      status: c.status,
      outcome: c.outcome,
      missedReason: c.missedReason,
      fromNumber: c.fromNumber,
      toNumber: c.toNumber,
      startedAt: c.startedAt,
      answeredAt: c.answeredAt,
      endedAt: c.endedAt,
      talkSeconds: c.talkSeconds,
      ringSeconds: c.ringSeconds,
      wrapUpSeconds: c.wrapUpSeconds,
      agentId: c.agentId,
      leadId: c.leadId,
      leadMatch: c.leadMatch,
      ticketId: c.ticketId,
      disposition: c.disposition,
      notes: c.notes,
      recordingUrl: c.recordingUrl,
      recordingConsent: c.recordingConsent,
      source: c.source,
      deviceId: c.deviceId,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    });
  }
}
