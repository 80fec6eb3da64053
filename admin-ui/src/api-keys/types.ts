import type { ApiKeyScope } from '@callpro/contracts';

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

/** A row of the api-keys resource: never the secret. */
export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  /** The start of the secret (`cp_live_AbC123`), to tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  /** Derived by the API from revokedAt and expiresAt. */
  status: ApiKeyStatus;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer to POST /api-keys: the row and its secret, shown this once. */
export interface CreatedApiKey extends ApiKeyRecord {
  secret: string;
}
