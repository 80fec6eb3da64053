import { spawnSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { Test } from '@nestjs/testing';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { RouteOptions } from 'fastify';
import { AppModule } from '../../backend/src/app.module';
import { configureApp, createFastifyAdapter } from '../../backend/src/app.setup';
import { IS_PUBLIC } from '../../backend/src/common/auth/decorators';
import { buildDocumentWithoutDatabase, loadSwaggerPluginMetadata } from '../../scripts/openapi-document';

interface Route {
  method: string;
  path: string;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Fastify's `/api/v1/users/:id` as OpenAPI's `/api/v1/users/{id}`. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** API routes as Fastify registered them (the implicit HEAD beside each GET left out). */
function apiRoutes(recorded: RouteOptions[]): Route[] {
  const routes = recorded.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => ({ method: m.toLowerCase(), path: toOpenApiPath(r.url) })));
  const api = routes.filter((r) => r.path.startsWith('/api/v1/'));
  const key = (r: Route) => `${r.method} ${r.path}`;
  const keys = new Set(api.map(key));
  const unique = [...new Map(api.map((r) => [key(r), r])).values()];
  return unique.filter((r) => !(r.method === 'head' && keys.has(`get ${r.path}`)));
}

function operations(doc: OpenAPIObject): Array<Route & { op: OperationObject }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => m in item).map((method) => ({ method, path, op: (item as Record<string, OperationObject>)[method] })),
  );
}

/** Routes that the document does not describe (method + path). */
function undocumented(routes: Route[], doc: OpenAPIObject): string[] {
  const documented = new Set(operations(doc).map((o) => `${o.method} ${o.path}`));
  return routes.map((r) => `${r.method} ${r.path}`).filter((k) => !documented.has(k));
}

/** Every handler method by the operationId that buildOpenApi gives it, with whether it is @Public(). */
function handlersByOperationId(app: NestFastifyApplication): Map<string, { isPublic: boolean }> {
  const scanner = new MetadataScanner();
  const handlers = new Map<string, { isPublic: boolean }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, controller) === true;
        handlers.set(`${controller.name.replace(/Controller$/, '')}_${name}`, { isPublic });
      }
    }
  }
  return handlers;
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  let app: NestFastifyApplication;
  let doc: OpenAPIObject;
  const recorded: RouteOptions[] = [];

  beforeAll(async () => {
    // the same Swagger plugin output that `nest build` bakes in (ts-jest does not run the plugin)
    await loadSwaggerPluginMetadata();
    const adapter = createFastifyAdapter();
    // recorded before any route exists, so that routes registered straight on Fastify count too
    adapter.getInstance().addHook('onRoute', (route) => void recorded.push(route));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, { logger: false });
    await configureApp(app);
    await app.init();
    await adapter.getInstance().ready();
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    doc = res.body as OpenAPIObject;
  }, 60_000);
  afterAll(() => app?.close());

  it('is a valid OpenAPI 3 document (swagger-parser)', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const validator = path.resolve(__dirname, '../../scripts/validate-openapi.cjs');
    const run = spawnSync(process.execPath, [validator], { input: JSON.stringify(doc), encoding: 'utf8', timeout: 30_000 });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('valid: CALLpro API');
  });

  it('describes every API route Fastify serves, and nothing it does not serve', () => {
    const routes = apiRoutes(recorded);
    expect(routes.length).toBeGreaterThan(5);
    expect(routes).toContainEqual({ method: 'get', path: '/api/v1/health/live' });
    expect(undocumented(routes, doc)).toEqual([]);
    const served = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(operations(doc).map((o) => `${o.method} ${o.path}`).filter((k) => !served.has(k))).toEqual([]);
  });

  it('flags a route that is missing from the document', () => {
    const extra = { method: 'GET', url: '/api/v1/undocumented/:id' } as RouteOptions;
    expect(undocumented(apiRoutes([...recorded, extra]), doc)).toEqual(['get /api/v1/undocumented/{id}']);
  });

  it('gives every operation a unique operationId naming its handler, a summary and a success response', () => {
    const handlers = handlersByOperationId(app);
    const ops = operations(doc);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, operationId: op.operationId && handlers.has(op.operationId) }).toEqual({ where, operationId: true });
      expect({ where, summary: (op.summary ?? '').trim().length > 0 }).toEqual({ where, summary: true });
      expect({ where, success: Object.keys(op.responses ?? {}).some((code) => /^2\d\d$/.test(code)) }).toEqual({ where, success: true });
    }
  });

  it('requires credentials on, and documents 401 for, every operation that is not @Public()', () => {
    const handlers = handlersByOperationId(app);
    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    const secured = operations(doc).filter((o) => !handlers.get(o.op.operationId ?? '')?.isPublic);
    expect(secured.length).toBeGreaterThan(0);
    for (const { method, path, op } of secured) {
      const where = `${method.toUpperCase()} ${path}`;
      const named = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
      expect({ where, security: named.length > 0 && named.every((s) => schemes.includes(s)) }).toEqual({ where, security: true });
      expect({ where, has401: '401' in (op.responses ?? {}) }).toEqual({ where, has401: true });
    }
  });

  it('declares the bearer (JWT) and X-API-Key security schemes', () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
  });

  it('defines every schema it references', () => {
    const refs = [...new Set(refsIn(doc))];
    expect(refs.length).toBeGreaterThan(0);
    const schemas = doc.components?.schemas ?? {};
    expect(refs.filter((r) => !r.startsWith('#/components/schemas/') || !(r.slice('#/components/schemas/'.length) in schemas))).toEqual([]);
  });

  it('documents the problem+json error shape', () => {
    expect(doc.components?.schemas?.ProblemResponse).toMatchObject({
      properties: expect.objectContaining({ status: expect.anything(), message: expect.anything(), errors: expect.anything() }),
    });
  });

  it('is what `npm run openapi` writes (built without a database)', async () => {
    const built = await buildDocumentWithoutDatabase();
    expect(JSON.parse(JSON.stringify(built))).toEqual(doc);
  });

  it('serves Swagger UI as HTML at /api/docs', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('swagger-ui');
  });
});
