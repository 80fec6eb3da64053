import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppModule } from '../../backend/src/app.module';
import { configureApp, createFastifyAdapter } from '../../backend/src/app.setup';

export interface TestApp {
  app: NestFastifyApplication;
  /** The underlying HTTP server, for supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  orm: MikroORM;
  close(): Promise<void>;
}

/** A provider replaced for one test app, e.g. `{ provide: ClockService, useValue: clock }`. */
export interface ProviderOverride {
  provide: unknown;
  useValue: unknown;
}

/** A real app (Fastify, real PostgreSQL) for one test file; `overrides` replace providers (a test clock). */
export async function createTestApp(overrides: readonly ProviderOverride[] = []): Promise<TestApp> {
  const builder = Test.createTestingModule({ imports: [AppModule] });
  for (const o of overrides) builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    server: app.getHttpServer(),
    orm: app.get(MikroORM),
    close: () => app.close(),
  };
}
