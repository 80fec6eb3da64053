import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppModule } from '../../backend/src/app.module';
import { configureApp, createFastifyAdapter } from '../../backend/src/app.setup';
import { ormConfig } from '../../backend/src/database/mikro-orm.config';
import { STATE_ENV, type TestState } from './state';

const testState = (): TestState => JSON.parse(process.env[STATE_ENV]!) as TestState;

export interface TestApp {
  app: NestFastifyApplication;
  /** The underlying HTTP server, for supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  /**
   * The tables' owner's connection, for fixtures and assertions: it sees every tenant's rows
   * (row-level security's owner policy). The tenant filter still applies to its queries.
   */
  orm: MikroORM;
  /** The app's own ORM, connected as the app role (row-level security holds). */
  appOrm: MikroORM;
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
  const orm = await MikroORM.init(ormConfig({ clientUrl: testState().databaseUrl, poolMax: 4 }));
  return {
    app,
    server: app.getHttpServer(),
    orm,
    appOrm: app.get(MikroORM),
    close: async () => {
      await app.close();
      await orm.close(true);
    },
  };
}
