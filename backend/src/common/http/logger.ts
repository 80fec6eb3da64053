import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { levels } from 'pino';
import type { AppConfig } from '../../config/app-config.service';

/**
 * Structured JSON logs with the request id; credentials are redacted wherever they appear.
 *
 * The per-request logger (pino-http: a line per request at `info`, and the request bound to the
 * logs made while serving it) only runs when LOG_LEVEL lets `info` through. Above it no request
 * line is ever written, yet pino-http would still serialise and redact every request into a child
 * logger: a few percent of a request's CPU time for nothing. Errors carry the request id either
 * way (ProblemFilter logs it).
 */
export function loggerOptions(config: AppConfig): Params {
  const pretty = config.get('NODE_ENV') === 'development' && process.stdout.isTTY;
  const level = config.get('LOG_LEVEL');
  const requestLogs = level !== 'silent' && levels.values[level] <= levels.values.info;
  return {
    // Nest 11 path syntax; the default '*' triggers a legacy-route warning at every start
    forRoutes: requestLogs ? [{ path: '{*path}', method: RequestMethod.ALL }] : [],
    pinoHttp: {
      level,
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers.cookie',
          '*.password',
          '*.passwordHash',
          '*.refreshToken',
          '*.accessToken',
          '*.secret',
          '*.token',
        ],
        censor: '[redacted]',
      },
      customProps: (req) => ({ requestId: req.id }),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/v1/health') },
    },
  };
}
