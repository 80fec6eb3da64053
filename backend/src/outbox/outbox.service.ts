import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EVENT_ROOM, type EventName, type EventPayloads } from '@callpro/contracts';
import { OutboxEvent } from './outbox-event.entity';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import type { OutboxRow } from './outbox.sql';
import { executeBound } from '../database/bound-sql';
import { addToGroup } from '../common/collections/group';

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
    const tenantId = publishingTenant(em, [event]);
    return em.create(OutboxEvent, {
      tenantId,
      name: event.name,
      subject: event.subject,
      resourceId: event.resourceId,
      payload: event.payload,
      userIds: event.userIds ?? null,
    });
  }

  /**
   * Many events in one multi-row INSERT, at once rather than at the next flush (the SLA job's
   * alerts): still in the caller's transaction, so committed or rolled back with the change.
   * Rows get their seq in the order given, `fresh` first.
   *
   * `fresh`: events each about a resource no other event names (a notification just created), so
   * that their order against other events cannot matter. They share rows, up to EVENTS_PER_ROW of
   * one name to a row (OutboxEvent.events), and still reach the sockets as one envelope each:
   * a batch of thousands of notifications writes, relays and marks a few rows.
   */
  async publishMany(em: EntityManager, events: readonly PublishInput[], fresh: readonly PublishInput[] = []): Promise<void> {
    await this.writePrepared(em, this.prepareMany(events, fresh));
  }

  /**
   * publishMany's rows as the JSON document its INSERT binds, built ahead of the write (the SLA job
   * builds it while the database runs its earlier statements); null when there is nothing to publish.
   */
  prepareMany(events: readonly PublishInput[], fresh: readonly PublishInput[] = []): PreparedOutbox | null {
    if (events.length === 0 && fresh.length === 0) return null;
    checkUserRooms(fresh);
    checkUserRooms(events);
    const occurredAt = new Date().toISOString();
    const rows = [...sharedRows(fresh), ...events.map(ownRow)].map((r) => ({ ...r, occurred_at: occurredAt }));
    return { json: JSON.stringify(rows) };
  }

  /** Inserts prepared rows in `em`'s transaction, under its tenant. */
  async writePrepared(em: EntityManager, prepared: PreparedOutbox | null): Promise<void> {
    if (!prepared) return;
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    await executeBound(
      em,
      `insert into outbox_events (id, tenant_id, name, subject, resource_id, payload, user_ids, events, occurred_at)
       select v.id, ?, v.name, v.subject, v.resource_id, v.payload, v.user_ids, v.events, v.occurred_at
         from rows from (jsonb_to_recordset(?::jsonb) as (id uuid, name text, subject text, resource_id uuid, payload jsonb, user_ids jsonb, events jsonb, occurred_at timestamptz))
              with ordinality as v(id, name, subject, resource_id, payload, user_ids, events, occurred_at, n)
        order by v.n`,
      [tenantId, prepared.json],
    );
  }
}

/** Outbox rows ready to insert (OutboxService.prepareMany). */
export interface PreparedOutbox {
  json: string;
}

/** Events per shared outbox row: keeps a row (and the relay's load of it) well under a megabyte. */
const EVENTS_PER_ROW = 500;

/** An outbox row as publishMany sends it: the tenant and the time are the statement's. */
type RowValues = Omit<OutboxRow, 'tenant_id' | 'occurred_at'>;

const ownRow = (e: PublishInput): RowValues => ({
  id: randomUUID(),
  name: e.name,
  subject: e.subject,
  resource_id: e.resourceId,
  payload: e.payload,
  user_ids: e.userIds ?? null,
  events: null,
});

/** `fresh` events grouped by name and subject, in order, EVENTS_PER_ROW to a row; the row is its own resource. */
function sharedRows(fresh: readonly PublishInput[]): RowValues[] {
  const groups = new Map<string, PublishInput[]>();
  for (const e of fresh) addToGroup(groups, `${e.name} ${e.subject}`, e);
  const rows: RowValues[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i += EVENTS_PER_ROW) {
      const id = randomUUID();
      const events = group.slice(i, i + EVENTS_PER_ROW).map((e) => ({ id: randomUUID(), resourceId: e.resourceId, payload: e.payload, userIds: e.userIds ?? null }));
      rows.push({ id, name: group[0].name, subject: group[0].subject, resource_id: id, payload: {}, user_ids: null, events });
    }
  }
  return rows;
}

/** `em`'s tenant, after checking that every user-room event names its users. */
function publishingTenant(em: EntityManager, events: readonly PublishInput[]): string {
  const tenantId = currentTenantId(em);
  if (!tenantId) throw new MissingTenantError();
  checkUserRooms(events);
  return tenantId;
}

function checkUserRooms(events: readonly PublishInput[]): void {
  for (const event of events) {
    if (EVENT_ROOM[event.name] === 'user' && !event.userIds?.length) throw new Error(`${event.name} goes to user rooms: publish it with userIds`);
  }
}
