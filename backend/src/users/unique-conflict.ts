import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ProblemException } from '../common/errors/problem';

/**
 * Turns a unique-constraint violation named in `fields` (constraint → request field) into a 409
 * problem whose `errors` map puts "already in use" on that field; rethrows anything else. Relying
 * on the constraint rather than a prior lookup keeps concurrent requests honest.
 */
export function rethrowUniqueConflict(error: unknown, fields: Record<string, string>): never {
  const constraint = (error as { constraint?: string }).constraint;
  if (error instanceof UniqueConstraintViolationException && constraint && Object.hasOwn(fields, constraint)) {
    const field = fields[constraint];
    throw new ProblemException(409, 'conflict', `This ${field} is already in use`, { errors: { [field]: 'already in use' } });
  }
  throw error;
}
