/**
 * One log line per request, written when the answer has gone out. Handlers
 * add fields to `request.logFields` (the route planner adds from, to,
 * objective, km, hours, planMs; the error handler adds the problem code), so
 * a planned route is one line with everything needed to read it later.
 */
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Fields merged into this request's single log line. */
    logFields: Record<string, unknown>;
  }
}

/** Probes hit these every few seconds; they are logged at debug level only. */
const QUIET_PATHS = new Set(['/health', '/ready']);

export function installRequestLog(app: FastifyInstance): void {
  app.decorateRequest('logFields', null as unknown as Record<string, unknown>);
  app.addHook('onRequest', async (request) => {
    request.logFields = {};
  });
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ...request.logFields,
    };
    if (QUIET_PATHS.has(path)) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
}
