import type { FastifyReply } from 'fastify';

/** Sets the headers ra-data-simple-rest reads: `Content-Range: res 0-24/319` and `X-Total-Count`. */
export function setListHeaders(reply: FastifyReply, resource: string, offset: number, count: number, total: number): void {
  const range = count > 0 ? `${offset}-${offset + count - 1}` : '*';
  void reply.header('Content-Range', `${resource} ${range}/${total}`);
  void reply.header('X-Total-Count', String(total));
}
