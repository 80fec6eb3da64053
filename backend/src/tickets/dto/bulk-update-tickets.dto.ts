import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@callpro/contracts';
import { IsNullable, IsOptionalNotNull } from '../../common/validation/field-rules';

export const BULK_MAX = 500;

export class BulkTicketChangesDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @IsOptionalNotNull()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  /** null unassigns. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  @IsOptionalNotNull()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;
}

/** The same changes for many tickets, all or nothing. */
export class BulkUpdateTicketsDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: BULK_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX)
  @ArrayUnique({ message: 'ids must not repeat' })
  @IsUUID('all', { each: true, message: 'ids must be ticket ids' })
  ids!: string[];

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BulkTicketChangesDto)
  changes!: BulkTicketChangesDto;
}
