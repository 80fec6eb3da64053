import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationProblem } from './problem';

/** Flattens class-validator errors into react-admin's `{field: message}` map (nested as `a.b`). */
export function validationErrorsToMap(errors: ValidationError[], prefix = ''): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) {
    const key = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) map[key] = Object.values(e.constraints)[0];
    if (e.children?.length) Object.assign(map, validationErrorsToMap(e.children, key));
  }
  return map;
}

/**
 * Unknown and read-only properties are stripped (react-admin PUTs whole records, id and timestamps
 * included) rather than refused.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(validationErrorsToMap(errors)),
  });
}
