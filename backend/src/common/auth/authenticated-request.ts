import type { FastifyRequest } from 'fastify';
import type { AppAbility, Principal } from '@callpro/permissions';

export interface AuthenticatedRequest extends FastifyRequest {
  /** Set by passport. */
  user?: unknown;
  principal: Principal;
  ability: AppAbility;
}

/** The user id behind a principal (API keys have none). */
export function principalUserId(p: Principal): string | undefined {
  return p.kind === 'user' ? p.userId : undefined;
}

/** The tenant a principal acts in; throws for a super admin who has not chosen one. */
export function requireTenant(p: Principal): string {
  if (!p.tenantId) throw new Error("No arguments provided for filter 'tenant'");
  return p.tenantId;
}
