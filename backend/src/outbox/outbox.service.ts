import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventName } from '@callpro/contracts';
import { OutboxEvent } from './outbox-event.entity';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';

export interface PublishInput {
  name: EventName;
  /** CASL subject of the affected row, e.g. 'Ticket'. */
  subject: string;
  resourceId: string;
  /** Fields the receivers' abilities are checked against, plus what the UI shows. */
  payload: Record<string, unknown>;
  /** Restrict delivery to these users. */
  userIds?: string[];
}

/**
 * The one way to publish a domain event: it adds an outbox row to the caller's unit of work, so it
 * is committed (or rolled back) with the change itself. The relay delivers it after commit.
 */
@Injectable()
export class OutboxService {
  publish(em: EntityManager, event: PublishInput): OutboxEvent {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
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
