import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NOTE_VISIBILITIES, type NoteVisibility } from '@callpro/contracts';
import { IsNoteBody, NOTE_BODY_MAX } from './note-fields';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

/** Agents may edit their own notes for 15 minutes after writing them. The ticket cannot change. */
export class UpdateTicketNoteDto {
  @ApiPropertyOptional({ maxLength: NOTE_BODY_MAX })
  @IsOptionalNotNull()
  @IsNoteBody()
  body?: string;

  @ApiPropertyOptional({ enum: NOTE_VISIBILITIES, enumName: 'NoteVisibility' })
  @IsOptionalNotNull()
  @IsIn(NOTE_VISIBILITIES)
  visibility?: NoteVisibility;
}
