import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority, type TicketStatus } from '@callpro/contracts';
import { IsTags } from '../../tickets/dto/ticket-fields';
import { OPEN_TICKET_STATUSES } from '../sla-state';
import {
  IsActive,
  IsCalendarId,
  IsChannels,
  IsPauseStatuses,
  IsPolicyName,
  IsPosition,
  IsPriorities,
  IsTargetMinutes,
  IsWarnAtPercent,
  POLICY_NAME_MAX,
  TARGET_MAX_MINUTES,
} from './sla-policy-fields';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

export class CreateSlaPolicyDto {
  /** Unique in the tenant. */
  @ApiProperty({ minLength: 1, maxLength: POLICY_NAME_MAX, example: 'Urgent tickets' })
  @IsPolicyName()
  name!: string;

  /** Matching order (first active match wins); defaults to after the last policy. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptionalNotNull()
  @IsPosition()
  position?: number;

  /** Matches tickets with one of these priorities; empty = any. */
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority', isArray: true })
  @IsOptionalNotNull()
  @IsPriorities()
  priorities?: TicketPriority[];

  /** Matches tickets from one of these channels; empty = any. */
  @ApiPropertyOptional({ enum: TICKET_CHANNELS, enumName: 'TicketChannel', isArray: true })
  @IsOptionalNotNull()
  @IsChannels()
  channels?: TicketChannel[];

  /** Matches tickets with any one of these tags; empty = any. Missed-call follow-ups carry `callback`. */
  @ApiPropertyOptional({ type: [String], example: ['callback'] })
  @IsOptionalNotNull()
  @IsTags()
  tags?: string[];

  /** Business minutes from creation to the first public agent note or linked outbound call. */
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: TARGET_MAX_MINUTES })
  @IsTargetMinutes()
  firstResponseMinutes?: number | null;

  /** Business minutes from a reopen to the next public agent note. */
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: TARGET_MAX_MINUTES })
  @IsTargetMinutes()
  nextResponseMinutes?: number | null;

  /** Business minutes from creation (or the latest reopen) to resolved. */
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: TARGET_MAX_MINUTES })
  @IsTargetMinutes()
  resolutionMinutes?: number | null;

  /** Percentages of a target at which the assignee is warned, strictly ascending; default [75, 90]. */
  @ApiPropertyOptional({ type: [Number], example: [75, 90] })
  @IsOptionalNotNull()
  @IsWarnAtPercent()
  warnAtPercent?: number[];

  /** Ticket statuses in which the clocks stop; default ["pending"]. */
  @ApiPropertyOptional({ enum: OPEN_TICKET_STATUSES, enumName: 'SlaPauseStatus', isArray: true })
  @IsOptionalNotNull()
  @IsPauseStatuses()
  pauseStatuses?: TicketStatus[];

  /** The business calendar the targets count in; null (default) = 24/7. */
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsCalendarId()
  calendarId?: string | null;

  /** Defaults to true. */
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsActive()
  active?: boolean;
}
