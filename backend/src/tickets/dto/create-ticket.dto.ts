import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '@callpro/contracts';
import {
  DESCRIPTION_MAX,
  IsOptionalText,
  IsRequesterEmail,
  IsRequesterPhone,
  IsSubject,
  IsTags,
  SUBJECT_MAX,
} from './ticket-fields';
import { IsNullable, IsOptionalNotNull } from '../../common/validation/field-rules';

/** A new ticket; it starts in status `new` and gets the tenant's next number. */
export class CreateTicketDto {
  @ApiProperty({ maxLength: SUBJECT_MAX })
  @IsSubject()
  subject!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DESCRIPTION_MAX })
  @IsOptionalText(DESCRIPTION_MAX)
  description?: string | null;

  /** Defaults to `normal`. */
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  @IsOptionalNotNull()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  /** Defaults to `phone` for staff and `api` for API keys. */
  @ApiPropertyOptional({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' })
  @IsOptionalNotNull()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional({ type: [String], example: ['billing', 'vip'] })
  @IsOptionalNotNull()
  @IsTags()
  tags?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptionalText(200)
  requesterName?: string | null;

  /** Any common format; stored as E.164, local numbers read with the tenant's default country. */
  @ApiPropertyOptional({ type: String, nullable: true, example: '+1 201 555 0123' })
  @IsRequesterPhone()
  requesterPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsRequesterEmail()
  requesterEmail?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID('all', { message: 'leadId must be a lead id' })
  leadId?: string | null;

  /** An active user of this tenant. Agents may only assign a new ticket to themselves. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string | null;
}
