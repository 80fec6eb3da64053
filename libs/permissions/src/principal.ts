import type { ApiKeyScope, Role } from '@callpro/contracts';

/** Who is making a request: a logged-in user (JWT) or an integration (API key). */
export type Principal =
  /** `tenantId` is null only for a super admin who has not chosen a tenant to act on. */
  | { kind: 'user'; userId: string; tenantId: string | null; role: Role }
  | { kind: 'apiKey'; keyId: string; tenantId: string; scopes: ApiKeyScope[] };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
export type ApiKeyPrincipal = Extract<Principal, { kind: 'apiKey' }>;
