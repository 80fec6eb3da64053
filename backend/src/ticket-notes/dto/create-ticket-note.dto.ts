import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { NOTE_VISIBILITIES, type NoteVisibility } from '@callpro/contracts';
import { IsNoteBody, NOTE_BODY_MAX } from './note-fields';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

export class CreateTicketNoteDto {
  /** A ticket of this tenant. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'ticketId must be a ticket id' })
  ticketId!: string;

  @ApiProperty({ maxLength: NOTE_BODY_MAX })
  @IsNoteBody()
  body!: string;

  /** Defaults to `internal`. The first public note by a staff user is the ticket's first response. */
  @ApiPropertyOptional({ enum: NOTE_VISIBILITIES, enumName: 'NoteVisibility' })
  @IsOptionalNotNull()
  @IsIn(NOTE_VISIBILITIES)
  visibility?: NoteVisibility;
}
