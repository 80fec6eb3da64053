import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { principalUserId } from '../auth/authenticated-request';
import { parseListQuery, type ListQuery, type ListSpec, type RawListQuery } from './list-query';

/**
 * The request's simple-rest list parameters (`sort`, `range` or a `Range` header, `filter`) parsed
 * against `spec`, with "me" resolved to the caller. Document them with `@ApiListQuery(spec, …)`.
 */
export const ListQueryParam = createParamDecorator((spec: ListSpec, ctx: ExecutionContext): ListQuery => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const userId = req.principal ? principalUserId(req.principal) : undefined;
  return parseListQuery(req.query as RawListQuery, spec, { userId }, req.headers.range);
});
