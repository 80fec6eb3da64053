import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { NOTIFICATION_TYPES, type NotificationType } from '@callpro/contracts';
import type { AppAbility } from '@callpro/permissions';
import { assertCan } from '../common/auth/access';
import { notFound } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { OutboxService } from '../outbox/outbox.service';
import { Notification } from './notification.entity';

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

/**
 * Notifications are created only through `notify`, inside the caller's unit of work, and read and
 * marked only by their own user: every query names the user, whatever the ability would allow.
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
      const row = em.create(Notification, {
        userId,
        type: input.type,
        title: input.title,
        body: input.body ?? null,
        resource: input.resource ?? null,
        resourceId: input.resourceId ?? null,
      });
      this.outbox.publish(em, {
        name: 'notification.created',
        subject: 'Notification',
        resourceId: row.id,
        userIds: [userId],
        payload: {
          userId,
          type: row.type,
          title: row.title,
          body: row.body,
          resource: row.resource,
          resourceId: row.resourceId,
          createdAt: row.createdAt.toISOString(),
        },
      });
      return row;
    });
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
