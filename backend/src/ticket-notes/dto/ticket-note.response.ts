import { ApiProperty } from '@nestjs/swagger';
import { NOTE_VISIBILITIES, type NoteVisibility } from '@callpro/contracts';
import type { TicketNote } from '../ticket-note.entity';

export class TicketNoteResponse {
  id!: string;
  ticketId!: string;
  body!: string;
  @ApiProperty({ enum: NOTE_VISIBILITIES, enumName: 'NoteVisibility' })
  visibility!: NoteVisibility;
  /** The staff user who wrote it; null when an integration (API key) did. */
  authorId!: string | null;
  createdAt!: Date;
  updatedAt!: Date;

  static from(n: TicketNote): TicketNoteResponse {
    const { id, ticketId, body, visibility, authorId, createdAt, updatedAt } = n;
    return Object.assign(new TicketNoteResponse(), { id, ticketId, body, visibility, authorId, createdAt, updatedAt });
  }
}
