import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config.service';

/** Structured JSON logs with the request id; credentials are redacted wherever they appear. */
export function loggerOptions(config: AppConfig): Params {
  const pretty = config.get('NODE_ENV') === 'development' && process.stdout.isTTY;
  return {
    // Nest 11 path syntax; the default '*' triggers a legacy-route warning at every start
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.get('LOG_LEVEL'),
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
