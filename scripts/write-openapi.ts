/**
 * `npm run openapi`: writes openapi.json at the repo root, the document the app serves at
 * /api/docs-json, built from the sources without a database.
 */
// first: run the sources with TypeScript's own emit (decorator metadata), not tsx's esbuild
import './register-ts.cjs';
import fs from 'node:fs';
import path from 'node:path';
import { buildDocumentWithoutDatabase, loadSwaggerPluginMetadata, stableJson } from './openapi-document';

async function main(): Promise<void> {
  // the document must not depend on the caller's environment; nothing here connects anywhere
  process.env.NODE_ENV = 'development';
  process.env.DATABASE_URL = 'postgres://openapi@127.0.0.1:9/openapi';
  process.env.JWT_SECRET = 'openapi-document-openapi-document-0123';
  process.env.LOG_LEVEL = 'silent';
  process.env.SERVE_UI = 'false';
  delete process.env.REDIS_URL;

  await loadSwaggerPluginMetadata();
  const document = await buildDocumentWithoutDatabase();
  const file = path.resolve(__dirname, '..', 'openapi.json');
  fs.writeFileSync(file, stableJson(document));
  const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}: ${Object.keys(document.paths).length} paths, ${operations} operations\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
