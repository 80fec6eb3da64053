import type { OpenAPIObject } from '@nestjs/swagger';

const problem = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ProblemResponse' } } },
});

/**
 * Documents the refusals Fastify and the router give before any controller runs: 413 and 415 on
 * every operation that takes a body, 414 on every operation with a path parameter.
 */
export function documentTransportProblems(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const responses = op.responses;
      if (op.requestBody || method === 'post' || method === 'put' || method === 'patch') {
        responses['413'] ??= problem('The body is over the size cap (1 MiB)');
        responses['415'] ??= problem('The body is not `application/json`');
      }
      if (op.parameters?.some((p) => 'in' in p && p.in === 'path')) responses['414'] ??= problem('A path parameter is too long');
    }
  }
  return document;
}
