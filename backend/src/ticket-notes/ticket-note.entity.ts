import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { NOTE_VISIBILITIES, type NoteVisibility } from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';

/** A note on a ticket: internal (staff only) or public (a reply to the requester). */
@Entity({ tableName: 'ticket_notes' })
@Index({ properties: ['tenantId', 'ticketId', 'createdAt'] })
export class TicketNote extends TenantOwnedEntity<'visibility' | 'authorId'> {
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => NOTE_VISIBILITIES, nativeEnumName: 'note_visibility' })
  visibility: NoteVisibility = 'internal';

  /** The staff user who wrote it; null when an integration (API key) did. */
  @Property({ type: 'uuid', nullable: true })
  authorId: string | null = null;
}
