import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

/**
 * A refresh token, stored only as a SHA-256 hash. Tokens of one login form a family; using a token
 * that was already rotated revokes the whole family (stolen-token detection).
 */
@Entity({ tableName: 'refresh_tokens' })
@Index({ properties: ['familyId'] })
@Index({ properties: ['userId'] })
export class RefreshToken extends BaseEntity<'revokedAt' | 'rotatedAt'> {
  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  familyId!: string;

  @Unique()
  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when this token was exchanged for a new one. */
  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
