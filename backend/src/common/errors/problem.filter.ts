import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import {
  DriverException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemDetails } from '@callpro/contracts';
import { MissingTenantError } from '../../database/tenant.filter';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';
import { serveSpaFallback } from '../http/spa-fallback';

/** Maps every error to RFC 9457 problem+json in one place; never leaks stack traces. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (serveSpaFallback(error, req, reply)) return;
    const body = this.toProblem(error);
    body.instance = req.url.split('?')[0];
    body.requestId = String(req.id);
    // a 5xx thrown on purpose (a ProblemException: not ready, shutting down) is an answer, not a fault
    if (body.status >= 500 && !(error instanceof HttpException)) this.logger.error({ err: error, requestId: req.id }, 'Unhandled error');
    if (body.status === 429 && body.retryAfter) void reply.header('Retry-After', String(body.retryAfter));
    void reply.status(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof HttpException) return this.fromHttpException(error);
    if (error instanceof NotFoundError) return problem(404, 'not-found', 'Resource not found');
    if (error instanceof UniqueConstraintViolationException)
      return problem(409, 'conflict', 'A record with the same unique value already exists');
    if (error instanceof ForeignKeyConstraintViolationException)
      return problem(422, 'unprocessable', 'A referenced record does not exist');
    if (isMissingTenant(error))
      return problem(400, 'tenant-required', 'Choose a tenant first (X-Tenant-Id header) to work with tenant data');
    if (error instanceof DriverException && /statement timeout|canceling statement/i.test(error.message))
      return problem(503, 'service-unavailable', 'The database took too long to answer');
    if (isConnectionError(error)) return problem(503, 'service-unavailable', 'The database is unavailable; try again shortly');
    return problem(500, 'internal', 'An unexpected error occurred');
  }

  private fromHttpException(error: HttpException): ProblemDetails {
    const status = error.getStatus();
    const response = error.getResponse();
    if (isProblem(response)) return { ...response };
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : error.message;
    return problem(status, codeFor(status), detail);
  }
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && 'type' in value && 'status' in value && 'detail' in value;
}

function isMissingTenant(error: unknown): boolean {
  return error instanceof MissingTenantError || (error instanceof Error && error.message.includes("filter 'tenant'"));
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001'].includes(code ?? '') ||
    (error instanceof Error && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(error.message));
}

function codeFor(status: number) {
  switch (status) {
    case 400: return 'bad-request' as const;
    case 401: return 'unauthorized' as const;
    case 403: return 'forbidden' as const;
    case 404: return 'not-found' as const;
    case 409: return 'conflict' as const;
    case 413: return 'payload-too-large' as const;
    case 422: return 'unprocessable' as const;
    case 429: return 'rate-limited' as const;
    case 503: return 'service-unavailable' as const;
    default: return status >= 500 ? ('internal' as const) : ('bad-request' as const);
  }
}
