import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EVENT_ROOM, type EventName, type EventPayloads } from '@callpro/contracts';
import { OutboxEvent } from './outbox-event.entity';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';

export interface PublishInput<N extends EventName = EventName> {
  name: N;
  /** CASL subject of the affected row, e.g. 'Ticket' (see EVENT_SUBJECT). */
  subject: string;
  /** The aggregate: events of one resource reach clients in publish order. */
  resourceId: string;
  /** Fields the receivers' abilities are checked against, plus what the UI shows. */
  payload: EventPayloads[N];
  /** Restrict delivery to these users (required for `user`-room events such as notification.created). */
  userIds?: string[];
}

/**
 * The one way to publish a domain event: it adds an outbox row to the caller's unit of work, so it
 * is committed (or rolled back) with the change itself. The relay delivers it after commit.
 */
@Injectable()
export class OutboxService {
  publish<N extends EventName>(em: EntityManager, event: PublishInput<N>): OutboxEvent {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    if (EVENT_ROOM[event.name] === 'user' && !event.userIds?.length) {
      throw new Error(`${event.name} goes to user rooms: publish it with userIds`);
    }
    return em.create(OutboxEvent, {
      tenantId,
      name: event.name,
      subject: event.subject,
      resourceId: event.resourceId,
      payload: event.payload,
      userIds: event.userIds ?? null,
    });
  }
}
