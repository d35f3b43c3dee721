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
  })
  .meta({
    id: 'Readiness',
    description: 'The network is loaded and routes can be planned.',
    example: { status: 'ready', dataVersion: '2026.11.0', places: 142 },
  });
