import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, type NotificationType } from '@callpro/contracts';
import type { Notification } from '../notification.entity';

export class NotificationResponse {
  id!: string;
  /** The user it belongs to (always the caller). */
  userId!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES, enumName: 'NotificationType' })
  type!: NotificationType;
  title!: string;
  body!: string | null;
  /** The react-admin resource it points to, e.g. "tickets". */
  resource!: string | null;
  resourceId!: string | null;
  /** Same as `readAt !== null`. */
  read!: boolean;
  readAt!: Date | null;
  createdAt!: Date;

  static from(row: Notification): NotificationResponse {
    const { id, userId, type, title, body, resource, resourceId, readAt, createdAt } = row;
    return Object.assign(new NotificationResponse(), { id, userId, type, title, body, resource, resourceId, read: readAt !== null, readAt, createdAt });
  }
}

export class ReadAllResponse {
  /** How many notifications were unread and are now read. */
  updated!: number;
}

export class UnreadCountResponse {
  count!: number;
}
