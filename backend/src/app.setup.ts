import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import fastifyCors from '@fastify/cors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config.service';
import { createValidationPipe } from './common/errors/validation.pipe';
import { serveAdminUi, uiDistDir } from './common/http/admin-ui-assets';
import { documentTransportProblems } from './common/http/transport-problems';
import { PROBLEM_CONTENT_TYPE, problem } from './common/errors/problem';
import { Draining } from './health/draining.service';
import { installDrainGate } from './health/drain-gate';
import { installSecurityHeaders } from './common/http/security-headers';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;
const JSON_MAX_DEPTH = 20;
/** Above every bulk route's own documented maximum, which its DTO enforces more tightly. */
const JSON_MAX_ARRAY = 1000;

/** Why a parsed JSON body is too deep or holds too long an array, or null if it is fine. */
export function jsonShapeViolation(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth >= JSON_MAX_DEPTH) return `JSON nesting exceeds ${JSON_MAX_DEPTH} levels`;
  if (Array.isArray(value) && value.length > JSON_MAX_ARRAY) return `Arrays may hold at most ${JSON_MAX_ARRAY} items`;
  for (const child of Object.values(value)) {
    const violation = jsonShapeViolation(child, depth + 1);
    if (violation) return violation;
  }
  return null;
}

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    trustProxy: trustProxySetting(process.env.TRUST_PROXY),
    // router-level refusals (bad URL encoding 400, over-long path param 414) answer problem+json too
    frameworkErrors: (error: { statusCode?: number }, req: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      const detail = status === 414 ? 'A path parameter is too long' : 'The URL is not valid';
      void reply.status(status).header('Content-Type', PROBLEM_CONTENT_TYPE)
        .send({ ...problem(status, 'bad-request', detail), instance: req.url.split('?')[0], requestId: String(req.id) });
    },
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
  installDrainGate(fastify, app.get(Draining));
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('X-Request-Id', String(req.id));
  });
  // Fastify's own errors (413 body too large, bad JSON) reach ProblemFilter through Nest's error handler
  fastify.addHook('preValidation', async (req, reply) => {
    const violation = jsonShapeViolation(req.body);
    if (!violation) return;
    const body = problem(400, 'bad-request', violation);
    await reply.status(400).header('Content-Type', PROBLEM_CONTENT_TYPE).send({ ...body, instance: req.url.split('?')[0], requestId: String(req.id) });
  });
  installSecurityHeaders(fastify);
  await app.register(fastifyCors, {
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Range', 'X-Tenant-Id', 'X-API-Key', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
    exposedHeaders: ['Content-Range', 'X-Total-Count', 'X-Request-Id', 'ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'],
    credentials: false,
    maxAge: 600,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  if (config.get('SERVE_UI') && fs.existsSync(uiDistDir())) await app.register(serveAdminUi);
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
  return documentTransportProblems(
    SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` }),
  );
}
