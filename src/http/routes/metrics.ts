/** GET /metrics: the Prometheus scrape endpoint (text exposition format). */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Metrics } from '../hooks/metrics.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';

export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics }> = async (app, { metrics }) => {
  app.get(
    '/metrics',
    {
      schema: {
        operationId: 'getMetrics',
        tags: ['health'],
        summary: 'Prometheus metrics',
        description:
          'Request counts and latency by route pattern and status, route-planning counts and time by objective and outcome, ' +
          'the data version in use (corridor_data_info) and process metrics, in the Prometheus text format. ' +
          'Never rate limited, never shed under load, and open even when API keys are configured: restrict it at the network level.',
        response: {
          200: {
            description: 'Metrics in the Prometheus text exposition format 0.0.4.',
            content: { 'text/plain': { schema: z.string() } },
          },
          ...problemResponses('/metrics', { INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async (_request, reply) => {
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(body);
    },
  );
};
