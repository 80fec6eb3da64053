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

/** A real app (Fastify, real PostgreSQL) for one test file. */
export async function createTestApp(): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
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
