/** Answer of GET /v1/info: what this service and its data set are and what it accepts. */
import { z } from 'zod';
import { CitedSourceSchema } from './source.js';
import { IncludableStatusSchema, ModeSchema, ObjectiveSchema } from './route-fields.js';

export const InfoSchema = z
  .object({
    service: z.object({
      name: z.string(),
      version: z.string().describe('Service version (package.json).'),
    }),
    dataVersion: z.string().describe('Version of the loaded data set.'),
    dataDate: z.string().describe('Date the data set describes (YYYY, YYYY-MM or YYYY-MM-DD).'),
    counts: z
      .object({
        places: z.number().int(),
        links: z.number().int(),
        crossings: z.number().int(),
        corridors: z.number().int(),
        countries: z.number().int(),
      })
      .describe('Size of the loaded network.'),
    objectives: z.array(ObjectiveSchema).describe('Values accepted by `objective`.'),
    statuses: z.array(z.string()).describe('Link statuses in the data set; all but operational can be named in `include`.'),
    includableStatuses: z.array(IncludableStatusSchema).describe('Values accepted by `include`.'),
    modes: z.array(ModeSchema).describe('Values accepted by `modes`.'),
    defaults: z
      .object({
        objective: ObjectiveSchema,
        include: z.array(IncludableStatusSchema),
        modes: z.array(ModeSchema),
        alternatives: z.number().int(),
        maxOverlap: z.number(),
        cargoTonnes: z.number().describe('Cargo mass of the CO2 figures, t.'),
        tonnesPerTeu: z.number().describe('Net cargo per TEU when containers are given without `tonnesPerTeu`, t.'),
        tonnesPerTeuSource: z
          .object({ basis: z.string(), method: z.string().optional(), sources: z.array(CitedSourceSchema) })
          .describe('Where the default per TEU comes from (data/emission-factors.json `cargo`).'),
      })
      .describe('Values used for parameters left out.'),
    scenarios: z.array(z.string()).describe('Ids of the named scenarios (GET /v1/scenarios), accepted by `scenario`.'),
    formats: z.array(z.string()).describe('Values accepted by `format` of /v1/routes.'),
    limits: z
      .object({
        maxAlternatives: z.number().int().describe('Largest `alternatives`.'),
        maxVia: z.number().int().describe('Most `via` places.'),
        maxRequestOverlays: z.number().int().describe('Most `overlays` in one POST /v1/routes.'),
        maxCargoTonnes: z.number().describe('Largest `cargoTonnes`, t.'),
        maxMatrixSources: z.number().int().describe('Most `sources` in POST /v1/matrix.'),
        maxMatrixTargets: z.number().int().describe('Most `targets` in POST /v1/matrix.'),
        maxReachabilityHours: z.number().describe('Largest `maxHours` of GET /v1/reachability, h.'),
        maxCompareScenarios: z.number().int().describe('Most ids in `scenarios` of GET /v1/compare.'),
        maxCargoTeu: z.number().describe('Largest `cargoTeu` (and twice the largest `cargoFeu`).'),
        maxTonnesPerTeu: z.number().describe('Largest `tonnesPerTeu`, t.'),
        maxResilienceElements: z.number().int().describe('Most elements checked per lane by /v1/resilience (`maxElements`).'),
        maxResilienceLanes: z.number().int().describe('Most `lanes` in POST /v1/resilience.'),
        maxResilienceTotalElements: z.number().int().describe('Most elements checked over all lanes of one POST /v1/resilience.'),
        coordinateSnapKm: z
          .number()
          .describe('A place given as coordinates "lat,lon" resolves to the nearest place (not a junction) at most this far away, km (great circle).'),
        planDeadlineMs: z.number().int().describe('Longest planning time of one request, ms; past it 422 BUDGET_EXCEEDED.'),
        planMaxSettledNodes: z.number().int().describe('Graph nodes one request may settle; past it 422 BUDGET_EXCEEDED.'),
        planMaxSpurSearches: z.number().int().describe('Spur searches of one request when looking for alternatives; past it 422 BUDGET_EXCEEDED.'),
      })
      .describe('Largest values accepted.'),
  })
  .meta({ id: 'Info', description: 'Service and data-set facts, and the values the route parameters accept.' });

export type Info = z.output<typeof InfoSchema>;
