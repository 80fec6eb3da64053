import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the built admin UI lives (admin-ui/dist), found from the repo root. */
export function uiDistDir(): string {
  return path.resolve(__dirname, '../../../../admin-ui/dist');
}

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
export const IMMUTABLE_ASSET = 'public, max-age=31536000, immutable';
/** index.html and other unhashed files: revalidate every time (ETag / Last-Modified → 304). */
export const REVALIDATE = 'no-cache';

/**
 * The built admin UI (admin-ui/dist), as a Fastify plugin whose hooks cover only these files.
 * Sends the build's .br or .gz of a file (admin-ui/vite.config.mts writes them) to a browser that
 * accepts it: the ~2 MB bundle travels as ~0.5 MB.
 */
export async function serveAdminUi(scope: FastifyInstance): Promise<void> {
  scope.addHook('onSend', async (request, reply) => {
    void reply.header('Cache-Control', request.url.startsWith('/assets/') ? IMMUTABLE_ASSET : REVALIDATE);
    const vary = reply.getHeader('vary');
    void reply.header('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  });
  await scope.register(fastifyStatic, { root: uiDistDir(), prefix: '/', wildcard: false, index: ['index.html'], preCompressed: true, cacheControl: false });
}
