import type { ServerResponse, IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every response, from one middleware built at startup.
 * (@fastify/helmet built a new helmet middleware, parsing the CSP directives again, for every
 * request, in two async hooks.) The admin UI is served from the same origin; Swagger UI needs
 * inline styles and scripts.
 */
const applySecurityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
      imgSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      fontSrc: ["'self'", 'https:', 'data:'],
    },
  },
});

export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) =>
    applySecurityHeaders(request.raw as IncomingMessage, reply.raw as ServerResponse, (error?: unknown) => done(error as Error | undefined)),
  );
}
