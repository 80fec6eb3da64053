import { Entity, Index, Property } from '@mikro-orm/core';
import type { NotificationType } from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';

/** Something one user should see (ticket assigned, SLA warning or breach, missed call). */
@Entity({ tableName: 'notifications' })
@Index({ name: 'notifications_tenant_id_user_id_created_at_index', properties: ['tenantId', 'userId', 'createdAt'] })
@Index({
  name: 'notifications_unread_idx',
  expression: 'create index "notifications_unread_idx" on "notifications" ("tenant_id", "user_id") where "read_at" is null',
})
export class Notification extends TenantOwnedEntity<'body' | 'resource' | 'resourceId' | 'readAt'> {
  /** The one user who sees it. */
  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  type!: NotificationType;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  /** The react-admin resource and record it points to, e.g. 'tickets' and a ticket id. */
  @Property({ type: 'text', nullable: true })
  resource: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  resourceId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;
}
