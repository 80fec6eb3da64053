import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const dir = fileURLToPath(new URL('.', import.meta.url));
const libs = path.resolve(dir, '../libs');

/**
 * Writes a .br and a .gz beside every built text file of 1 KB or more, once at build time; the
 * server sends them to browsers that accept them (@fastify/static `preCompressed`:
 * backend/src/common/http/admin-ui-assets.ts).
 * The bundle is ~2 MB of JavaScript, ~0.5 MB as brotli.
 */
function precompress(): Plugin {
  return {
    name: 'callpro-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      let plain = 0;
      let brotli = 0;
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const file = path.join(options.dir ?? path.join(dir, 'dist'), fileName);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
        fs.writeFileSync(`${file}.br`, br);
        fs.writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        plain += data.length;
        brotli += br.length;
      }
      this.info(`precompressed ${Math.round(plain / 1024)} kB of assets to ${Math.round(brotli / 1024)} kB of brotli (and gzip)`);
    },
  };
}

// The shared libs are consumed as TypeScript sources (the backend and jest use the same code).
export default defineConfig({
  root: dir,
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@callpro/contracts': path.join(libs, 'contracts/src/index.ts'),
      '@callpro/permissions': path.join(libs, 'permissions/src/index.ts'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    // the libraries (~90% of the code) in a chunk of their own: a new build of the app's code
    // leaves it, and its name, unchanged, so browsers keep it cached across deploys
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/ }] } } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
