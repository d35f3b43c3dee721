/** Answers of the liveness and readiness probes. */
import { z } from 'zod';

export const HealthSchema = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'Health', description: 'The process is up and answering.', example: { status: 'ok' } });

export const ReadinessSchema = z
  .object({
    status: z.literal('ready'),
    dataVersion: z.string().describe('Version of the loaded data set.'),
    places: z.number().int().describe('Places in the loaded network.'),
    redis: z
      .enum(['ready', 'connecting', 'down'])
      .optional()
      .describe(
        'Only when REDIS_URL is set: the shared store for rate limits and answers. While it is not ready the service still answers ' +
          '(answers are planned per instance; rate limits follow RATE_LIMIT_ON_REDIS_ERROR); with RATE_LIMIT_ON_REDIS_ERROR=refuse, /ready is 503 instead.',
      ),
  })
  .meta({
    id: 'Readiness',
    description: 'The network is loaded and routes can be planned.',
    example: { status: 'ready', dataVersion: '2026.11.0', places: 142 },
  });
