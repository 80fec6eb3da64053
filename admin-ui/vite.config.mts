import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const dir = fileURLToPath(new URL('.', import.meta.url));
const libs = path.resolve(dir, '../libs');

// The shared libs are consumed as TypeScript sources (the backend and jest use the same code).
export default defineConfig({
  root: dir,
  plugins: [react()],
  resolve: {
    alias: {
      '@callpro/contracts': path.join(libs, 'contracts/src/index.ts'),
      '@callpro/permissions': path.join(libs, 'permissions/src/index.ts'),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000, sourcemap: false },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
