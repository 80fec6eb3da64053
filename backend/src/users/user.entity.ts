import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { ROLES, type Role } from '@callpro/contracts';
import { BaseEntity } from '../database/base.entity';

/**
 * A person who logs in. Tenant users carry their tenant; a super admin has none. Emails are unique
 * across tenants so that login needs nothing but email and password.
 */
@Entity({ tableName: 'users' })
@Index({ properties: ['tenantId', 'role'] })
export class User extends BaseEntity<'active' | 'phone' | 'tokenVersion' | 'lastLoginAt'> {
  /** Only super admins live outside every tenant (see TenantSubscriber). */
  static allowsNoTenant = (user: unknown) => (user as User).role === 'super_admin';

  /** Null only for super admins. Tenant-filtered like every tenant-owned row (indexed by (tenant_id, role) and (tenant_id, id)). */
  @Property({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Property({ type: 'text' })
  name!: string;

  @Unique()
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Enum({ items: () => ROLES, nativeEnumName: 'user_role' })
  role!: Role;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Bumped on deactivation, role or password change: access tokens of an older version are refused. */
  @Property({ type: 'integer' })
  tokenVersion: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null = null;
}
