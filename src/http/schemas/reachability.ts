/** GET /v1/reachability: every place reachable from one place within a time budget. */
import { z } from 'zod';
import { AsOfAnswerSchema, AsOfQuerySchema } from './as-of-fields.js';
import { ROUTE_QUESTION_FIELDS as FIELDS } from './route-question-fields.js';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { CountryPlaceRefSchema, PlaceRefSchema } from './common.js';
import { PLANNING_DESCRIPTIONS, ScenarioIdInputSchema } from './planning-fields.js';
import { DEFAULTS, DESCRIPTIONS, IncludableStatusSchema, MODES, ModeSchema, ObjectiveSchema } from './route-fields.js';
import { commaList } from './route-query.js';
import { ScenarioRefSchema } from './route-extras.js';

export const ReachabilityQuerySchema = z.strictObject({
  from: FIELDS.from.query,
  maxHours: z.coerce
    .number()
    .positive()
    .max(PLANNING_LIMITS.maxReachabilityHours)
    .meta({
      description: `Time budget, typical hours; more than 0 and at most ${PLANNING_LIMITS.maxReachabilityHours} (30 days).`,
      example: 72,
    }),
  objective: ObjectiveSchema.default(DEFAULTS.objective).meta({
    description: `${DESCRIPTIONS.objective} The hours of a place are those of the best route by it (with shortest: of the shortest route).`,
  }),
  scenario: ScenarioIdInputSchema.optional().meta({ description: PLANNING_DESCRIPTIONS.scenario, example: 'kz-tm-af-pk-built' }),
  asOf: AsOfQuerySchema,
  include: FIELDS.include.query,
  modes: commaList({ accepts: (i) => (MODES as readonly string[]).includes(i), expected: `one of ${MODES.join(', ')}`, min: 1 })
    .default(DEFAULTS.modes.join(','))
    .meta({ description: `${DESCRIPTIONS.modes} Comma-separated.` }),
  format: z
    .enum(['json', 'geojson'])
    .optional()
    .meta({ description: 'Answer format: `json` (default) or `geojson` (FeatureCollection of Points). Overrides the Accept header (application/json, application/geo+json).' }),
});

export type ReachabilityQuery = z.output<typeof ReachabilityQuerySchema>;

export const ReachablePlaceSchema = z
  .object({
    place: CountryPlaceRefSchema,
    typicalHours: z.number().describe('Typical transit time from the origin, h (0.1 h).'),
    distanceKm: z.number().describe('Length of the route, km (0.1 km).'),
    crossings: z.number().int().describe('Borders crossed on the way.'),
    coordinates: z.tuple([z.number(), z.number()]).describe('[longitude, latitude], WGS 84 degrees.'),
  })
  .meta({ id: 'ReachablePlace', description: 'A place reachable within the budget.' });

export const MultiPolygonSchema = z
  .object({
    type: z.literal('MultiPolygon'),
    coordinates: z
      .array(z.array(z.array(z.tuple([z.number(), z.number()]))))
      .describe('Polygons, each one closed counter-clockwise exterior ring of [longitude, latitude] (RFC 7946), WGS 84 degrees.'),
  })
  .meta({ id: 'MultiPolygon', description: 'GeoJSON MultiPolygon.' });

export const ReachableAreaSchema = z
  .object({
    maxHours: z.number().describe('The band: places reached within this many typical hours, h.'),
    places: z.number().int().describe('Places in the band, the origin not counted.'),
    geometry: MultiPolygonSchema,
  })
  .meta({
    id: 'ReachableArea',
    description:
      'The area reached within a band of the budget: disjoint convex areas holding the origin and every place reached, each with 50 km around it; ' +
      'places within 250 km of each other share an area. A map aid drawn around places, not a claim that every point inside is served.',
  });

export const ReachabilityResponseSchema = z
  .object({
    query: z.object({
      from: PlaceRefSchema,
      maxHours: z.number(),
      objective: ObjectiveSchema,
      scenario: z.string().nullable(),
      include: z.array(IncludableStatusSchema).describe('Statuses used besides operational (the request\'s and the scenario\'s).'),
      modes: z.array(ModeSchema),
    }),
    dataVersion: z.string(),
    scenario: ScenarioRefSchema.nullable(),
    asOf: AsOfAnswerSchema.nullable().describe('With a planning month: the month, the data date and the records it counts as open; null without one.'),
    places: z.array(ReachablePlaceSchema).describe('Every place reachable within maxHours, nearest in hours first; the origin is not listed.'),
    areas: z.array(ReachableAreaSchema).describe('Areas reached within 25, 50, 75 and 100 % of maxHours, smallest band first.'),
  })
  .meta({ id: 'ReachabilityResponse', description: 'Places reachable within a time budget.' });

export type ReachabilityResponse = z.output<typeof ReachabilityResponseSchema>;
