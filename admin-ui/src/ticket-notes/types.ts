import type { NoteVisibility } from '@callpro/contracts';

/** A row of the ticket-notes resource. */
export interface TicketNoteRecord {
  id: string;
  ticketId: string;
  body: string;
  /** `internal`: staff only; `public`: a reply the requester may see. */
  visibility: NoteVisibility;
  /** The staff user who wrote it; null when an integration did. */
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
}
