import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Action, AppAbility, Principal, Subject } from '@callpro/permissions';
import type { AuthenticatedRequest } from './authenticated-request';
import { ProblemResponse } from '../http/problem.response';

export const IS_PUBLIC = 'callpro:public';
export const POLICY = 'callpro:policy';

export interface PolicyMetadata {
  action: Action;
  subject: Subject;
}

/** Every authenticated route counts against its tenant's and API key's quota (common/rate-limit). */
const RateLimited = () =>
  ApiTooManyRequestsResponse({
    description: 'Over the tenant or API-key rate limit; retry after `Retry-After` seconds (see the RateLimit-* headers)',
    type: ProblemResponse,
  });

/** Opts a route out of the global deny-by-default authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Every authenticated route names the action and subject it needs (checked by PoliciesGuard before
 * the handler; services then check the row). Also documents the security schemes and 401/403/429.
 */
export const Policy = (action: Action, subject: Subject) =>
  applyDecorators(
    SetMetadata(POLICY, { action, subject } satisfies PolicyMetadata),
    ApiBearerAuth('bearer'),
    ApiSecurity('apiKey'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired credentials', type: ProblemResponse }),
    ApiForbiddenResponse({ description: 'The principal may not do this', type: ProblemResponse }),
    RateLimited(),
  );

/** Any logged-in principal, no specific permission (e.g. GET /auth/me). */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(POLICY, 'authenticated'),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired credentials', type: ProblemResponse }),
    RateLimited(),
  );

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

export const CurrentAbility = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AppAbility => ctx.switchToHttp().getRequest<AuthenticatedRequest>().ability,
);
