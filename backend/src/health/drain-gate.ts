import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../common/errors/problem';
import type { Draining } from './draining.service';

/** Probes keep answering while draining: readiness is how the load balancer learns about it. */
const PROBE_PATH = /\/health\/(live|ready)$/;

/**
 * Counts every request in flight, and while draining turns new ones away with 503 (`Retry-After`,
 * `Connection: close`) so that the client retries on another instance; requests already running
 * finish normally.
 */
export function installDrainGate(fastify: FastifyInstance, draining: Draining): void {
  fastify.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (draining.active && !PROBE_PATH.test(path)) {
      const body = problem(503, 'service-unavailable', 'This instance is shutting down; retry the request');
      return reply
        .status(503)
        .header('Content-Type', PROBLEM_CONTENT_TYPE)
        .header('Retry-After', '1')
        .header('Connection', 'close')
        .send({ ...body, instance: path, requestId: String(req.id) });
    }
    draining.track(reply.raw);
  });
}
