import { TenantOwnedEntity } from './base.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { RefreshToken } from '../auth/refresh-token.entity';

/** Every entity of the app. Each module adds its own here (one list for the app, the CLI and tests). */
export const ENTITIES = [Tenant, User, RefreshToken];

/** Entities the tenant filter applies to: subclasses of TenantOwnedEntity, and users. */
export const TENANT_SCOPED_ENTITY_NAMES = ENTITIES.filter(
  (e) => e.prototype instanceof TenantOwnedEntity || e === User,
).map((e) => e.name);
