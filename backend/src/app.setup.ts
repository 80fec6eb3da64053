import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config.service';
import { createValidationPipe } from './common/errors/validation.pipe';
import { uiDistDir } from './common/http/spa-fallback';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    trustProxy: trustProxySetting(process.env.TRUST_PROXY),
  });
}

/** TRUST_PROXY (validated in env.schema.ts): false by default so X-Forwarded-For cannot be spoofed. */
export function trustProxySetting(raw: string | undefined): boolean | number {
  if (!raw || raw === 'false') return false;
  return raw === 'true' ? true : Number(raw);
}

/** Builds the Nest app with everything main.ts and the e2e tests share. */
export async function createApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    bufferLogs: true,
    // throw instead of process.abort(), so the launcher can still stop embedded PostgreSQL
    abortOnError: false,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  await configureApp(app);
  return app;
}

export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('X-Request-Id', String(req.id));
  });
  await app.register(fastifyHelmet, {
    // the admin UI is served from the same origin; Swagger UI needs inline styles/scripts
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'https:', 'data:'],
      },
    },
  });
  await app.register(fastifyCors, {
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Range', 'X-Tenant-Id', 'X-API-Key', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
    exposedHeaders: ['Content-Range', 'X-Total-Count', 'X-Request-Id', 'ETag', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  if (config.get('SERVE_UI') && fs.existsSync(uiDistDir())) {
    await app.register(fastifyStatic, { root: uiDistDir(), prefix: '/', wildcard: false, index: ['index.html'] });
  }
}

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CALLpro API')
    .setDescription(
      'Multi-tenant call-center CRM. Lists follow react-admin simple-rest: `sort`, `range`, `filter` query parameters, ' +
        '`Content-Range` response header. Errors are RFC 9457 application/problem+json.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'apiKey')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}
