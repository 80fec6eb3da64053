import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from '@callpro/contracts';
import {
  DESCRIPTION_MAX,
  IsOptionalText,
  IsRequesterEmail,
  IsRequesterPhone,
  IsSubject,
  IsTags,
  IsVersion,
  SUBJECT_MAX,
} from './ticket-fields';
import { IsNullable, IsOptionalNotNull } from '../../common/validation/field-rules';

/**
 * react-admin PUTs the whole record: read-only fields (id, number, timestamps …) are ignored and
 * fields equal to the stored value count as unchanged. Absent fields are unchanged; null clears a
 * nullable field.
 */
export class UpdateTicketDto {
  /** The version the client last read; required here or as If-Match. A stale one gets 409. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptionalNotNull()
  @IsVersion()
  version?: number;

  @ApiPropertyOptional({ maxLength: SUBJECT_MAX })
  @IsOptionalNotNull()
  @IsSubject()
  subject?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DESCRIPTION_MAX })
  @IsOptionalText(DESCRIPTION_MAX)
  description?: string | null;

  /** Allowed moves: new→open|pending|resolved, open→pending|resolved, pending→open|resolved, resolved→open|closed, closed→open (org admins and supervisors). */
  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @IsOptionalNotNull()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  @IsOptionalNotNull()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' })
  @IsOptionalNotNull()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsTags()
  tags?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptionalText(200)
  requesterName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsRequesterPhone()
  requesterPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsRequesterEmail()
  requesterEmail?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID('all', { message: 'leadId must be a lead id' })
  leadId?: string | null;

  /** Agents may take an unassigned ticket (self) or unassign themselves, not assign others. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string | null;
}
