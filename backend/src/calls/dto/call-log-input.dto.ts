import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import {
  IsExternalId,
  IsFlag,
  IsId,
  IsInstant,
  IsOneOf,
  IsPhoneText,
  IsRecordingUrl,
  IsSeconds,
  IsText,
  MAX_SECONDS,
  NOTES_MAX,
} from './call-log-fields';
import { IsNullable, IsOptionalNotNull } from '../../common/validation/field-rules';

/**
 * One call as a dialer or integration reports it (POST /call-logs, and each item of
 * POST /call-logs/bulk). Sending the same `externalId` again moves the stored call forward
 * through its lifecycle (ringing → in_progress → completed), never backwards.
 */
export class CallLogInputDto {
  /** Your id for the call, unique in the tenant. Re-sending it updates the call instead of duplicating it. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'android-7f3c-000123' })
  @IsExternalId()
  externalId?: string | null;

  @ApiProperty({ enum: CALL_DIRECTIONS, enumName: 'CallDirection' })
  @IsOneOf(CALL_DIRECTIONS, 'direction')
  direction!: CallDirection;

  /** Defaults to `completed`. */
  @ApiPropertyOptional({ enum: CALL_STATUSES, enumName: 'CallStatus' })
  @IsOptionalNotNull()
  @IsOneOf(CALL_STATUSES, 'status')
  status?: CallStatus;

  /** Required once the call is completed, and only then. */
  @ApiPropertyOptional({ enum: CALL_OUTCOMES, enumName: 'CallOutcome', nullable: true })
  @IsNullable()
  @IsOneOf(CALL_OUTCOMES, 'outcome')
  outcome?: CallOutcome | null;

  /** Why a call was not answered; not for answered calls. */
  @ApiPropertyOptional({ enum: MISSED_REASONS, enumName: 'MissedReason', nullable: true })
  @IsNullable()
  @IsOneOf(MISSED_REASONS, 'missedReason')
  missedReason?: MissedReason | null;

  /** Any common format; stored as E.164 (local numbers read with the tenant's default country). */
  @ApiProperty({ example: '+1 415 555 0123', maxLength: 64 })
  @IsPhoneText('fromNumber')
  fromNumber!: string;

  /** Any common format; stored as E.164 (local numbers read with the tenant's default country). */
  @ApiProperty({ example: '(201) 555-0100', maxLength: 64 })
  @IsPhoneText('toNumber')
  toNumber!: string;

  /** With a zone, e.g. `2026-01-31T14:05:00Z`. */
  @ApiProperty({ type: String, format: 'date-time' })
  @IsInstant('startedAt')
  startedAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsNullable()
  @IsInstant('answeredAt')
  answeredAt?: string | null;

  /** Required once the call is completed. */
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsNullable()
  @IsInstant('endedAt')
  endedAt?: string | null;

  /** Derived (endedAt − answeredAt); if you send it, it must agree (±1 s). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_SECONDS })
  @IsOptionalNotNull()
  @IsSeconds('talkSeconds')
  talkSeconds?: number;

  /** Derived ((answeredAt ?? endedAt) − startedAt); if you send it, it must agree (±1 s). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_SECONDS })
  @IsOptionalNotNull()
  @IsSeconds('ringSeconds')
  ringSeconds?: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: MAX_SECONDS })
  @IsNullable()
  @IsSeconds('wrapUpSeconds')
  wrapUpSeconds?: number | null;

  /** API keys (and supervisors): an active user of the tenant. Agents' own calls are always theirs (ignored). */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsId('agentId', 'a user')
  agentId?: string | null;

  /** Normally left out: the lead is matched by the other party's number. If sent, a lead of the tenant. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsId('leadId', 'a lead')
  leadId?: string | null;

  /** A ticket of the tenant the call is about. An outbound call on a ticket is its first response. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsId('ticketId', 'a ticket')
  ticketId?: string | null;

  /** The name of one of the tenant's dispositions. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsText(100)
  disposition?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTES_MAX })
  @IsText(NOTES_MAX)
  notes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri', example: 'https://recordings.example.com/c/123.mp3' })
  @IsRecordingUrl()
  recordingUrl?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsFlag('recordingConsent')
  recordingConsent?: boolean | null;

  /** Defaults to `api` for API keys and `android` for users. */
  @ApiPropertyOptional({ enum: CALL_SOURCES, enumName: 'CallSource' })
  @IsOptionalNotNull()
  @IsOneOf(CALL_SOURCES, 'source')
  source?: CallSource;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsText(200)
  deviceId?: string | null;
}
