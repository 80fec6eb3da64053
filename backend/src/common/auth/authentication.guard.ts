import { ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { EntityManager } from '@mikro-orm/postgresql';
import { defineAbilityFor, type Principal } from '@callpro/permissions';
import { IS_PUBLIC } from './decorators';
import type { AuthenticatedRequest } from './authenticated-request';
import { ProblemException } from '../errors/problem';
import { scopeToTenant } from '../../database/tenant.filter';
import { Tenant } from '../../tenants/tenant.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Passport strategies tried in order (the calls issue adds 'api-key'). */
export const AUTH_STRATEGIES = ['jwt', 'api-key'];

/**
 * Global, deny-by-default authentication. After passport has produced a principal it resolves the
 * tenant the request acts in, scopes the request's EntityManager to it (tenant filter) and builds
 * the CASL ability once for the guards and services after it.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard(AUTH_STRATEGIES) {
  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    await super.canActivate(context);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = req.user as Principal;
    req.principal = await this.withChosenTenant(principal, req.headers['x-tenant-id']);
    if (req.principal.tenantId) scopeToTenant(this.em, req.principal.tenantId);
    req.ability = defineAbilityFor(req.principal);
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // the session could not be checked (database down): not the caller's fault, and not a reason to
    // log them out; ProblemFilter answers 503 for connection errors
    if (err instanceof Error && !(err instanceof HttpException)) throw err;
    if (err || !user) throw new ProblemException(401, 'unauthorized', 'Missing, invalid or expired credentials');
    return user;
  }

  /** A super admin acts on one tenant at a time, chosen with the X-Tenant-Id header. */
  private async withChosenTenant(principal: Principal, header: string | string[] | undefined): Promise<Principal> {
    if (principal.kind !== 'user' || principal.role !== 'super_admin' || !header) return principal;
    const tenantId = Array.isArray(header) ? header[0] : header;
    if (!UUID.test(tenantId)) throw new ProblemException(400, 'bad-request', 'X-Tenant-Id must be a tenant id');
    const exists = await this.em.count(Tenant, { id: tenantId });
    if (!exists) throw new ProblemException(404, 'not-found', 'Tenant not found');
    return { ...principal, tenantId };
  }
}
