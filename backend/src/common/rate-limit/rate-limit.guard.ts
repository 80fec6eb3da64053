import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ProblemException } from '../errors/problem';
import { RateLimiter, type RateDecision } from './rate-limiter';

/**
 * Global guard between authentication (it needs the principal) and the policy check (refused
 * requests still use up quota). Public routes carry no principal and are not counted here; login
 * has its own throttle. Answers with the IETF draft RateLimit-* headers, and 429 + Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const { principal } = http.getRequest<AuthenticatedRequest>();
    if (!principal) return true;
    const decision = await this.limiter.consume(principal);
    if (!decision) return true;
    setHeaders(http.getResponse<FastifyReply>(), decision);
    if (decision.exceeded) {
      const { name, limit, resetsIn } = decision.tightest;
      throw new ProblemException(429, 'rate-limited', `Rate limit of ${limit} requests per minute for this ${name === 'tenant' ? 'organisation' : 'API key'} exceeded; retry in ${resetsIn} s`, {
        retryAfter: resetsIn,
      });
    }
    return true;
  }
}

function setHeaders(reply: FastifyReply, d: RateDecision): void {
  void reply.header('RateLimit-Limit', String(d.tightest.limit));
  void reply.header('RateLimit-Remaining', String(d.tightest.remaining));
  void reply.header('RateLimit-Reset', String(d.tightest.resetsIn));
  void reply.header('RateLimit-Policy', d.quotas.map((q) => `${q.limit};w=${d.windowSeconds};comment="${q.name}"`).join(', '));
}
