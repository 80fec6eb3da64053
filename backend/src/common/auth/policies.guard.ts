import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, POLICY, type PolicyMetadata } from './decorators';
import type { AuthenticatedRequest } from './authenticated-request';
import { forbidden } from '../errors/problem';

/**
 * Checks the route's declared @Policy(action, subject) against the principal's ability. A route
 * that declares no policy is refused: every route must say who may call it.
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const policy = this.reflector.getAllAndOverride<PolicyMetadata | 'authenticated'>(POLICY, targets);
    if (!policy) throw forbidden('This route declares no access policy');
    if (policy === 'authenticated') return true;
    const { ability } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!ability.can(policy.action, policy.subject)) throw forbidden();
    return true;
  }
}
