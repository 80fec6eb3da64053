import { HttpException, HttpStatus } from '@nestjs/common';
import type { ProblemDetails } from '@callpro/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://callpro.dev/problems/';

/** Machine-readable problem codes; each is also the last segment of the problem `type` URI. */
export type ProblemCode =
  | 'validation'
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'version-conflict'
  | 'unprocessable'
  | 'illegal-transition'
  | 'rate-limited'
  | 'payload-too-large'
  | 'tenant-required'
  | 'service-unavailable'
  | 'internal';

export function problem(status: number, code: ProblemCode, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  const title = HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error';
  return {
    type: TYPE_BASE + code,
    title: title.charAt(0).toUpperCase() + title.slice(1),
    status,
    detail,
    message: detail,
    ...extra,
  };
}

/** Throw this from anywhere to answer with a specific problem. */
export class ProblemException extends HttpException {
  constructor(status: number, code: ProblemCode, detail: string, extra: Partial<ProblemDetails> = {}) {
    super(problem(status, code, detail, extra), status);
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: Record<string, string>, detail = 'The request has invalid fields') {
    super(HttpStatus.BAD_REQUEST, 'validation', detail, { errors });
  }
}

export const notFound = (what = 'Resource') => new ProblemException(404, 'not-found', `${what} not found`);
export const forbidden = (detail = 'You are not allowed to do this') => new ProblemException(403, 'forbidden', detail);
export const versionConflict = () =>
  new ProblemException(409, 'version-conflict', 'This record was changed by someone else. Reload it and try again.');
