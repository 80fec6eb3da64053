import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES, type ApiKeyScope } from '@callpro/contracts';
import type { ApiKey } from '../api-key.entity';

export const API_KEY_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

/** An API key as admins see it: never the secret. */
export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;
  name!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, enumName: 'ApiKeyScope', isArray: true })
  scopes!: ApiKeyScope[];
  /** The start of the secret (`cp_live_AbC123`), to tell keys apart. */
  prefix!: string;
  /** Derived from revokedAt and expiresAt. */
  @ApiProperty({ enum: API_KEY_STATUSES, enumName: 'ApiKeyStatus' })
  status!: ApiKeyStatus;
  expiresAt!: Date | null;
  revokedAt!: Date | null;
  /** Last request made with the key (updated at most once a minute). */
  lastUsedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdById!: string | null;
  createdAt!: Date;
  updatedAt!: Date;

  static from(key: ApiKey, now = new Date()): ApiKeyResponse {
    const { id, tenantId, name, scopes, prefix, expiresAt, revokedAt, lastUsedAt, createdById, createdAt, updatedAt } = key;
    const status: ApiKeyStatus = revokedAt ? 'revoked' : expiresAt && expiresAt <= now ? 'expired' : 'active';
    return Object.assign(new ApiKeyResponse(), {
      id, tenantId, name, scopes, prefix, status, expiresAt, revokedAt, lastUsedAt, createdById, createdAt, updatedAt,
    });
  }
}

/** The answer to POST /api-keys: the row plus the secret, which is shown this once and never again. */
export class CreatedApiKeyResponse extends ApiKeyResponse {
  /** `cp_live_…`: send it as `X-API-Key` or `Authorization: Bearer`. Store it now: it cannot be shown again. */
  secret!: string;

  static withSecret(key: ApiKey, secret: string): CreatedApiKeyResponse {
    return Object.assign(new CreatedApiKeyResponse(), ApiKeyResponse.from(key), { secret });
  }
}
