/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Validates an OpenAPI document with @apidevtools/swagger-parser (schema, $refs, unique operationIds):
 * `node scripts/validate-openapi.cjs openapi.json`, or the document on stdin.
 * A separate process because swagger-parser's dependencies are ESM-only, which Node 20 can require
 * but jest's module loader cannot.
 */
const fs = require('node:fs');
const SwaggerParser = require('@apidevtools/swagger-parser');

const file = process.argv[2];
const document = JSON.parse(fs.readFileSync(file ?? 0, 'utf8'));
SwaggerParser.validate(document).then(
  (api) => process.stdout.write(`valid: ${api.info.title} ${api.info.version}, ${Object.keys(api.paths).length} paths\n`),
  (error) => {
    process.stderr.write(`invalid OpenAPI document: ${error.message}\n`);
    process.exit(1);
  },
);
