/**
 * A named planning scenario: a list of overlays on today's network, with the
 * sources that make it worth planning for (agreements, construction status).
 */
import { z } from 'zod';
import { IdSchema, LinkStatusSchema, SourceSchema } from '../network/schema.js';
import { OverlayListSchema } from './overlay-schema.js';

export const ScenarioSchema = z.object({
  id: IdSchema,
  name: z.string().min(3),
  description: z.string().min(10),
  overlays: OverlayListSchema.min(1),
  /** Link statuses the router should also accept under this scenario, besides `operational`. */
  include: z.array(LinkStatusSchema.exclude(['operational'])).optional(),
  sources: z.array(SourceSchema).min(1),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
