/** GET /v1/corridors and /v1/corridors/{id}: query and answers. */
import { z } from 'zod';
import { CitedSourceSchema } from './source.js';
import { CrossingSummarySchema, LinkSummarySchema } from './browse-fields.js';
import { CountryFilterSchema, LimitSchema, OffsetSchema, pageSchema } from './browse-query.js';

export const CorridorQuerySchema = z.strictObject({
  country: CountryFilterSchema.meta({
    description: 'Only corridors entering one of these countries (ISO 3166-1 alpha-2, any case). Comma-separated.',
    example: 'AF',
  }),
  limit: LimitSchema,
  offset: OffsetSchema,
});

export type CorridorQuery = z.output<typeof CorridorQuerySchema>;

export const LengthByStatusSchema = z
  .object({
    operational: z.number().describe('Running today, km.'),
    underConstruction: z.number().describe('Under construction, km.'),
    planned: z.number().describe('Planned, km.'),
    proposed: z.number().describe('Proposed, km.'),
    suspended: z.number().describe('Built but not running, km.'),
  })
  .meta({
    id: 'LengthByStatus',
    description: 'Km of member links by link status (0.1 km); adds up to lengthKm.',
    example: { operational: 1295, underConstruction: 0, planned: 120, proposed: 650, suspended: 0 },
  });

export const CorridorSchema = z
  .object({
    id: z.string().describe('Corridor id (usable in avoidCorridors).'),
    name: z.string(),
    description: z.string(),
    lengthKm: z
      .number()
      .describe('Km of all member links (0.1 km). Parallel links (e.g. rail and road between the same places) both count.'),
    lengthKmByStatus: LengthByStatusSchema,
    countries: z.array(z.string()).describe('Countries of the member links, sorted (ISO 3166-1 alpha-2).'),
    links: z.array(LinkSummarySchema).describe('Member links: links whose data names this corridor.'),
    crossings: z.array(CrossingSummarySchema).describe('Border crossings the member links pass.'),
    sources: z.array(CitedSourceSchema).describe('Citations for the corridor.'),
  })
  .meta({
    id: 'Corridor',
    description: 'A named corridor: its member links and how many km of them exist today versus under construction, planned or proposed.',
  });

export const CorridorPageSchema = pageSchema(CorridorSchema, 'CorridorPage', 'corridors');

export type WireCorridor = z.output<typeof CorridorSchema>;
export type CorridorPage = z.output<typeof CorridorPageSchema>;
