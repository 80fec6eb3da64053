/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Runs the TypeScript sources directly: `node -r ./scripts/register-ts.cjs backend/src/main.ts`.
 *
 * tsx (esbuild) cannot run this app: esbuild does not emit decorator metadata, so Nest's
 * constructor injection gets `undefined`. This hook transpiles each file with TypeScript itself
 * (per file, no type check, like ts-jest) and maps the shared libs to their sources, as jest and
 * Vite do, so no prior build is needed.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const LIBS = {
  '@callpro/contracts': path.join(root, 'libs/contracts/src/index.ts'),
  '@callpro/permissions': path.join(root, 'libs/permissions/src/index.ts'),
};

const base = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.base.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
});
const compilerOptions = {
  ...base.options,
  module: ts.ModuleKind.CommonJS,
  declaration: false,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
};

Module._extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWithLibs(request, ...rest) {
  return resolveFilename.call(this, LIBS[request] ?? request, ...rest);
};

process.setSourceMapsEnabled(true);
