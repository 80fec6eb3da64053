import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { NOTIFICATION_TYPES, type NotificationType } from '@callpro/contracts';
import type { AppAbility } from '@callpro/permissions';
import { assertCan } from '../common/auth/access';
import { notFound } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { OutboxService, type PreparedOutbox, type PublishInput } from '../outbox/outbox.service';
import { Notification } from './notification.entity';
import { executeBound } from '../database/bound-sql';

/** `%q%` for ILIKE, with the pattern characters in `q` taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const NOTIFICATION_LIST: ListSpec = {
  resource: 'notifications',
  sortable: ['id', 'createdAt', 'readAt', 'type'],
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    // `read` is taken out before parsing and becomes `readAt is [not] null` (notification-list-query.ts)
    read: { kind: 'boolean' },
    type: { kind: 'enum', values: NOTIFICATION_TYPES },
    resource: { kind: 'string' },
    resourceId: { kind: 'uuid' },
    createdAt: { kind: 'date', range: true },
  },
  search: (q) => ({ $or: [{ title: { $ilike: contains(q) } }, { body: { $ilike: contains(q) } }] }),
};

export interface NotifyInput {
  type: NotificationType;
  title: string;
  body?: string | null;
  /** The react-admin resource and record the notification points to. */
  resource?: string | null;
  resourceId?: string | null;
}

/** One notification for each of `userIds` (duplicates collapsed). */
export interface Notice {
  userIds: readonly string[];
  input: NotifyInput;
}

/** Notifications and their events as the JSON documents notifyMany's INSERTs bind. */
export interface PreparedNotifications {
  createdAt: Date;
  notifications: string | null;
  outbox: PreparedOutbox | null;
}

type NotificationRow = Pick<Notification, 'id' | 'userId' | 'type' | 'title' | 'body' | 'resource' | 'resourceId' | 'createdAt'>;

/** What a notification of `input` for `userId` holds, for notify and notifyMany alike. */
function notificationFields(userId: string, input: NotifyInput): Omit<NotificationRow, 'id' | 'createdAt'> {
  return {
    userId,
    type: input.type,
    title: input.title,
    body: input.body ?? null,
    resource: input.resource ?? null,
    resourceId: input.resourceId ?? null,
  };
}

/** The `notification.created` event for the user's sockets. */
function createdEvent(row: NotificationRow): PublishInput<'notification.created'> {
  return {
    name: 'notification.created',
    subject: 'Notification',
    resourceId: row.id,
    userIds: [row.userId],
    payload: {
      userId: row.userId,
      type: row.type,
      title: row.title,
      body: row.body,
      resource: row.resource,
      resourceId: row.resourceId,
      createdAt: row.createdAt.toISOString(),
    },
  };
}

/**
 * Notifications are created only through `notify` or `notifyMany`, inside the caller's unit of
 * work or transaction, and read and marked only by their own user: every query names the user,
 * whatever the ability would allow.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Adds one notification per user (duplicates collapsed) to `em`'s unit of work, with a
   * `notification.created` event for each user's sockets. Nothing is written until the caller
   * flushes; a rollback drops both.
   */
  notify(em: EntityManager, userIds: readonly string[], input: NotifyInput): Notification[] {
    return [...new Set(userIds)].map((userId) => {
      const row = em.create(Notification, notificationFields(userId, input));
      this.outbox.publish(em, createdEvent(row));
      return row;
    });
  }

  /**
   * `notify` for many notices at once, written straight away (one multi-row INSERT of
   * notifications, one of outbox rows) in the caller's transaction: for the SLA job, whose batch
   * would otherwise build thousands of entities. `publishWith`: the caller's own events, added to
   * the same outbox INSERT after the notifications' ones. The `notification.created` events share
   * outbox rows (publishMany's `fresh`): each is about a notification no other event names.
   */
  async notifyMany(em: EntityManager, notices: readonly Notice[], publishWith: readonly PublishInput[] = []): Promise<void> {
    await this.writePrepared(em, this.prepareMany(notices, publishWith));
  }

  /** notifyMany's two INSERTs' documents, built ahead of the writes (the SLA job builds them while the database works). */
  prepareMany(notices: readonly Notice[], publishWith: readonly PublishInput[] = []): PreparedNotifications {
    const createdAt = new Date();
    const rows: NotificationRow[] = notices.flatMap(({ userIds, input }) =>
      [...new Set(userIds)].map((userId) => ({ id: randomUUID(), ...notificationFields(userId, input), createdAt })),
    );
    const values = rows.map((r) => ({ id: r.id, user_id: r.userId, type: r.type, title: r.title, body: r.body, resource: r.resource, resource_id: r.resourceId }));
    return {
      createdAt,
      notifications: rows.length > 0 ? JSON.stringify(values) : null,
      outbox: this.outbox.prepareMany(publishWith, rows.map(createdEvent)),
    };
  }

  /** Writes what prepareMany built, in `em`'s transaction and tenant. */
  async writePrepared(em: EntityManager, prepared: PreparedNotifications): Promise<void> {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    if (prepared.notifications) {
      await executeBound(
        em,
        `insert into notifications (id, tenant_id, user_id, type, title, body, resource, resource_id, created_at, updated_at)
         select v.id, ?, v.user_id, v.type, v.title, v.body, v.resource, v.resource_id, ?, ?
           from jsonb_to_recordset(?::jsonb) as v(id uuid, user_id uuid, type text, title text, body text, resource text, resource_id uuid)`,
        [tenantId, prepared.createdAt, prepared.createdAt, prepared.notifications],
      );
    }
    await this.outbox.writePrepared(em, prepared.outbox);
  }

  async list(userId: string, query: ListQuery): Promise<{ rows: Notification[]; total: number }> {
    const [rows, total] = await this.em.findAndCount(
      Notification,
      { $and: [{ userId }, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(userId: string, id: string): Promise<Notification> {
    const row = await this.em.findOne(Notification, { id, userId });
    if (!row) throw notFound('Notification');
    return row;
  }

  /** Marks one notification read (keeping the first read time) or unread. */
  async setRead(ability: AppAbility, userId: string, id: string, read: boolean): Promise<Notification> {
    const row = await this.get(userId, id);
    assertCan(ability, 'update', 'Notification', row);
    row.readAt = read ? (row.readAt ?? new Date()) : null;
    await this.em.flush();
    return row;
  }

  /** Marks every unread notification of the user read; returns how many changed. */
  readAll(userId: string): Promise<number> {
    return this.em.nativeUpdate(Notification, { userId, readAt: null }, { readAt: new Date() });
  }

  unreadCount(userId: string): Promise<number> {
    return this.em.count(Notification, { userId, readAt: null });
  }
}
