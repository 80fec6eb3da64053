import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';

// the package exports this as '@nestjs/swagger/plugin'; its types sit where moduleResolution "node" finds them only by path
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin') as typeof import('@nestjs/swagger/dist/plugin');

const ROOT = path.resolve(__dirname, '..');

/** The Swagger plugin options exactly as `nest build` uses them (nest-cli.json). */
function swaggerPluginOptions(): Record<string, unknown> {
  const cli = JSON.parse(fs.readFileSync(path.join(ROOT, 'nest-cli.json'), 'utf8')) as {
    compilerOptions: { plugins: Array<{ name: string; options?: Record<string, unknown> }> };
  };
  const plugin = cli.compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger');
  if (!plugin) throw new Error('nest-cli.json does not configure the @nestjs/swagger plugin');
  return plugin.options ?? {};
}

/** The backend's program, with the shared libs read from their sources (as jest and Vite do). */
function backendProgram(): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'backend/tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('cannot read backend/tsconfig.build.json');
  const paths = {
    '@callpro/contracts': [path.join(ROOT, 'libs/contracts/src/index.ts')],
    '@callpro/permissions': [path.join(ROOT, 'libs/permissions/src/index.ts')],
  };
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true, baseUrl: ROOT, paths } });
}

/**
 * `nest build` runs the Swagger CLI plugin (DTO properties, response types, summaries from doc
 * comments); ts-jest and scripts/register-ts.cjs do not. This runs the same plugin read-only over
 * the sources (as Nest's SWC builder does) and loads its output, so that a document built later in
 * this process matches the one the built app serves. About 3 s.
 */
export async function loadSwaggerPluginMetadata(): Promise<void> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpro-openapi-'));
  try {
    new PluginMetadataGenerator().generate({
      visitors: [new ReadonlyVisitor({ ...swaggerPluginOptions(), pathToSource: outDir })],
      outputDir: outDir,
      tsProgramRef: backendProgram(),
      printDiagnostics: false,
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const metadata = require(path.join(outDir, 'metadata.ts')) as { default: () => Promise<Record<string, unknown>> };
    await SwaggerModule.loadPluginMetadata(metadata.default);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Builds the document the app serves at /api/docs-json without touching a database: the app
 * modules are instantiated (never initialised) with MikroORM told not to connect.
 */
export async function buildDocumentWithoutDatabase(): Promise<OpenAPIObject> {
  const { MikroORM } = await import('@mikro-orm/core');
  const { MIKRO_ORM_MODULE_OPTIONS } = await import('@mikro-orm/nestjs');
  const { Test } = await import('@nestjs/testing');
  const { AppModule } = await import('../backend/src/app.module');
  const { buildOpenApi, configureApp, createFastifyAdapter } = await import('../backend/src/app.setup');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(MikroORM)
    .useFactory({ factory: (options: Parameters<typeof MikroORM.init>[0]) => MikroORM.init({ ...options, connect: false }), inject: [MIKRO_ORM_MODULE_OPTIONS] })
    .compile();
  const app = moduleRef.createNestApplication<import('@nestjs/platform-fastify').NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  try {
    await configureApp(app);
    return buildOpenApi(app);
  } finally {
    await app.close();
  }
}

/** JSON with object keys sorted at every level (arrays keep their order), so diffs stay small. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}
