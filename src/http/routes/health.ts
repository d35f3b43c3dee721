/**
 * Probes. /health is liveness: cheap, touches nothing. /ready is readiness:
 * 200 once the network is loaded and prepared, 503 otherwise (and while the
 * server shuts down), so a load balancer sends traffic only to instances that
 * can plan routes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.js';
import { sendProblem } from '../error-handler.js';
import { HealthSchema, ReadinessSchema } from '../schemas/health.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

const TAG = 'health';

export const healthRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: [TAG],
        summary: 'Liveness',
        description: 'Answers 200 while the process runs. Does no work; use it as a liveness probe.',
        response: {
          200: { description: 'The process is up.', content: { 'application/json': { schema: HealthSchema } } },
          ...problemResponses('/health', { INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        operationId: 'getReadiness',
        tags: [TAG],
        summary: 'Readiness',
        description: 'Answers 200 when the network is loaded and routes can be planned, 503 otherwise. Use it as a readiness probe.',
        response: {
          200: { description: 'Ready to plan routes.', content: { 'application/json': { schema: ReadinessSchema } } },
          ...problemResponses('/ready', {
            SERVICE_UNAVAILABLE: {
              when: 'the network is not loaded, the server is shutting down, or Redis is down with RATE_LIMIT_ON_REDIS_ERROR=refuse',
              detail: 'The server is shutting down.',
            },
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const places = deps.network.places.length;
      if (closing || places === 0) {
        return sendProblem(request, reply, {
          code: 'SERVICE_UNAVAILABLE',
          detail: closing ? 'The server is shutting down.' : 'The network is not loaded.',
        });
      }
      const fleet = deps.fleet;
      if (!fleet) return { status: 'ready' as const, dataVersion: deps.network.parameters.dataVersion, places };
      const redis = fleet.redis.state();
      // Under the refuse policy every counted request is refused while Redis is down: not ready for traffic.
      if (redis !== 'ready' && fleet.rateLimit.policy === 'refuse') {
        return sendProblem(request, reply, {
          code: 'SERVICE_UNAVAILABLE',
          detail: `Redis is ${redis} and RATE_LIMIT_ON_REDIS_ERROR=refuse: requests cannot be counted.`,
          headers: { 'retry-after': '5' },
        });
      }
      return { status: 'ready' as const, dataVersion: deps.network.parameters.dataVersion, places, redis };
    },
  );
};
