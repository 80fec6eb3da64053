import fs from 'node:fs';
import path from 'node:path';
import { NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REVALIDATE, uiDistDir } from './admin-ui-assets';

let indexHtml: string | null | undefined;

/**
 * Serves the admin UI's index.html for unknown GET/HEAD paths outside /api, so that deep links
 * such as /tickets/123 work after a reload. /api keeps JSON 404s.
 */
export function serveSpaFallback(error: unknown, req: FastifyRequest, reply: FastifyReply): boolean {
  if (!(error instanceof NotFoundException)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url.split('?')[0];
  if (url.startsWith('/api') || url.startsWith('/socket.io') || path.extname(url)) return false;
  if (indexHtml === undefined) {
    const file = path.join(uiDistDir(), 'index.html');
    indexHtml = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  }
  if (indexHtml === null) return false;
  void reply.status(200).type('text/html; charset=utf-8').header('Cache-Control', REVALIDATE).send(indexHtml);
  return true;
}
