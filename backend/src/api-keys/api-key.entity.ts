import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import type { ApiKeyScope } from '@callpro/contracts';
import { TenantOwnedEntity } from '../database/base.entity';

/**
 * An integration's credential (DESIGN.md §3). The secret itself is never stored: only its SHA-256
 * hash (looked up on every request) and a short prefix that lets admins tell keys apart.
 */
@Entity({ tableName: 'api_keys' })
@Index({ name: 'api_keys_tenant_id_created_at_id_index', expression: 'create index "api_keys_tenant_id_created_at_id_index" on "api_keys" ("tenant_id", "created_at" desc, "id")' })
export class ApiKey extends TenantOwnedEntity<'expiresAt' | 'revokedAt' | 'lastUsedAt' | 'createdById'> {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text[]' })
  scopes!: ApiKeyScope[];

  /** The first characters of the secret (`cp_live_AbC123`), safe to show. */
  @Property({ type: 'text' })
  prefix!: string;

  /** Hex SHA-256 of the whole secret. */
  @Unique()
  @Property({ type: 'text', hidden: true })
  secretHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** Refreshed at most once a minute (see ApiKeysService.authenticate). */
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  /** The user who created the key (null if that user is gone). */
  @Property({ type: 'uuid', nullable: true })
  createdById: string | null = null;
}
