/**
 * GET /v1/resilience (one lane) and POST /v1/resilience (several lanes):
 * what closing each crossing, ferry and link of today's best route does to
 * the lane — the best route without it, km and days lost, or no route.
 */
import { z } from 'zod';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { DaysSchema, HoursSchema, PlaceRefSchema } from './common.js';
import { RouteQuerySchema } from './route-query.js';
import { RouteRequestSchema } from './route-request.js';
import { IncludableStatusSchema, ModeSchema, ObjectiveSchema, PlaceRefInputSchema } from './route-fields.js';
import { ScenarioRefSchema } from './route-extras.js';

const MAX_ELEMENTS_DESCRIPTION =
  `Most elements (crossings, ferries, links) of the best route checked, in travel order from the origin; 1 to ${PLANNING_LIMITS.maxResilienceElements} ` +
  `(the default). Each check is one route search; elements past the cap are listed in \`unchecked\`.`;

/** The route options of GET /v1/routes that shape the best route, plus the cap. */
export const ResilienceQuerySchema = RouteQuerySchema.pick({
  from: true,
  to: true,
  objective: true,
  include: true,
  modes: true,
  via: true,
  avoidCountries: true,
  avoidPlaces: true,
  avoidCrossings: true,
  avoidCorridors: true,
  avoidLinks: true,
  allowUnscheduled: true,
  scenario: true,
}).extend({
  // "Try it out" starts from a short lane (10 elements, well under a second); Almaty → Karachi checks 49.
  from: PlaceRefInputSchema.meta({ description: 'Origin: a place id, name, alias or UN/LOCODE.', example: 'Aktau' }),
  to: PlaceRefInputSchema.meta({ description: 'Destination: a place id, name, alias or UN/LOCODE.', example: 'Poti' }),
  maxElements: z.coerce
    .number()
    .int()
    .min(1)
    .max(PLANNING_LIMITS.maxResilienceElements)
    .default(PLANNING_LIMITS.maxResilienceElements)
    .meta({ description: MAX_ELEMENTS_DESCRIPTION }),
});

export type ResilienceQuery = z.output<typeof ResilienceQuerySchema>;

const LaneInputSchema = z.strictObject({
  from: PlaceRefInputSchema.meta({ description: 'Origin of the lane (id, name, alias or UN/LOCODE).', example: 'Aktau' }),
  to: PlaceRefInputSchema.meta({ description: 'Destination of the lane.', example: 'Poti' }),
});

export const ResilienceMatrixRequestSchema = RouteRequestSchema.pick({
  objective: true,
  include: true,
  modes: true,
  avoidCountries: true,
  avoidPlaces: true,
  avoidCrossings: true,
  avoidCorridors: true,
  avoidLinks: true,
  allowUnscheduled: true,
  scenario: true,
})
  .extend({
    lanes: z
      .array(LaneInputSchema)
      .min(1)
      .max(PLANNING_LIMITS.maxResilienceLanes)
      .meta({ description: `The lanes, 1 to ${PLANNING_LIMITS.maxResilienceLanes}; the same options apply to each.` }),
    maxElements: z
      .number()
      .int()
      .min(1)
      .max(PLANNING_LIMITS.maxResilienceElements)
      .default(PLANNING_LIMITS.maxResilienceElements)
      .meta({ description: `${MAX_ELEMENTS_DESCRIPTION} Per lane.` }),
  })
  .meta({
    id: 'ResilienceMatrixRequest',
    description:
      `Single points of failure over several lanes: every lane's best route is checked element by element, at most ${PLANNING_LIMITS.maxResilienceElements} ` +
      `per lane and ${PLANNING_LIMITS.maxResilienceTotalElements} over all lanes together.`,
    example: { lanes: [{ from: 'Aktau', to: 'Poti' }, { from: 'Mary', to: 'Bandar Abbas' }] },
  });

export type ResilienceMatrixRequest = z.output<typeof ResilienceMatrixRequestSchema>;

export const RouteElementSchema = z
  .object({
    kind: z.enum(['crossing', 'ferry', 'link']).describe('crossing: a border crossing (closed with avoidCrossings); ferry or link: a link (closed with avoidLinks).'),
    id: z.string().describe('Crossing id or link id.'),
    name: z.string().describe('Crossing name, or the link\'s end places.'),
    mode: ModeSchema.nullable().describe('Mode of a link or ferry; null for a crossing.'),
  })
  .meta({ id: 'RouteElement', description: 'One element of a route whose closure is tested.', example: { kind: 'crossing', id: 'saraghs--sarakhs', name: 'Saraghs – Sarakhs', mode: null } });

export const LaneRouteSchema = z
  .object({
    distanceKm: z.number().describe('Length, km (0.1 km).'),
    transitHours: HoursSchema,
    transitDays: DaysSchema,
    crossingIds: z.array(z.string()).describe('Border crossings passed, in travel order.'),
    countries: z.array(z.string()).describe('Countries in travel order.'),
    places: z.array(PlaceRefSchema).describe('Places passed, first to last.'),
  })
  .meta({ id: 'LaneRoute', description: 'The figures of one route of a closure-impact answer.' });

const LostSchema = {
  distanceKmLost: z.number().nullable().describe('Km of the route without the element minus the best route\'s (negative: shorter but slower); null when no route.'),
  typicalDaysLost: z.number().nullable().describe('Typical transit days lost (0.1 day); null when no route.'),
  highDaysLost: z.number().nullable().describe('High (pessimistic) transit days lost (0.1 day); null when no route.'),
  typicalHoursLost: z.number().nullable().describe('Typical transit hours lost (0.1 h); null when no route.'),
};

export const ElementImpactSchema = z
  .object({
    rank: z.number().int().describe('1 = the closure that hurts the lane most.'),
    element: RouteElementSchema,
    outcome: z.enum(['rerouted', 'no-route']).describe('no-route: closing the element alone leaves no route.'),
    ...LostSchema,
    route: LaneRouteSchema.nullable().describe('The best route without the element; null when none is left.'),
    reason: z.string().nullable().describe('Why there is no route; null when there is one.'),
  })
  .meta({ id: 'ElementImpact', description: 'What closing one element of the best route does to the lane.' });

const CapsSchema = {
  elementsOnRoute: z.number().int().describe('Crossings, ferries and links on the best route.'),
  elementsChecked: z.number().int().describe('Elements whose closure was checked (at most maxElements).'),
  unchecked: z.array(RouteElementSchema).describe('Elements past the cap, not checked, in travel order.'),
};

export const ResilienceResponseSchema = z
  .object({
    query: z.object({
      from: PlaceRefSchema,
      to: PlaceRefSchema,
      objective: ObjectiveSchema,
      include: z.array(IncludableStatusSchema),
      modes: z.array(ModeSchema),
      via: z.array(PlaceRefSchema),
      avoidCountries: z.array(z.string()),
      avoidPlaces: z.array(PlaceRefSchema),
      avoidCrossings: z.array(z.string()),
      avoidCorridors: z.array(z.string()),
      avoidLinks: z.array(z.string()),
      maxElements: z.number().int(),
    }),
    dataVersion: z.string(),
    scenario: ScenarioRefSchema.nullable(),
    method: z.string().describe('How the impacts were found and ranked.'),
    best: LaneRouteSchema.describe('Today\'s best route (by `objective`), whose elements are tested.'),
    ...CapsSchema,
    impacts: z.array(ElementImpactSchema).describe('One per element checked, the largest impact first.'),
  })
  .meta({ id: 'ResilienceResponse', description: 'Closure impact of every element of a lane\'s best route, ranked.' });

export type ResilienceResponse = z.output<typeof ResilienceResponseSchema>;

export const LaneResilienceSchema = z
  .object({
    from: PlaceRefSchema,
    to: PlaceRefSchema,
    best: LaneRouteSchema.nullable().describe('The lane\'s best route; null when it has none (see reason).'),
    reason: z.string().nullable(),
    ...CapsSchema,
  })
  .meta({ id: 'LaneResilience', description: 'One lane of a closure-impact matrix.' });

export const MatrixElementSchema = z
  .object({
    rank: z.number().int().describe('1 = the element whose closure cuts the most lanes (then: most time lost over all lanes).'),
    element: RouteElementSchema,
    lanesCut: z.number().int().describe('Lanes left with no route when it closes.'),
    lanesOn: z.number().int().describe('Lanes whose best route uses it (and for which it was checked).'),
    typicalDaysLostSum: z.number().describe('Typical days lost summed over the lanes still routed (0.1 day).'),
    impacts: z
      .array(
        z
          .object({ outcome: z.enum(['rerouted', 'no-route']), ...LostSchema })
          .nullable(),
      )
      .describe('Per lane, in the order of `lanes`: the impact of closing it; null when it is not on that lane\'s best route or was not checked.'),
  })
  .meta({ id: 'ResilienceMatrixElement', description: 'One element met on any lane\'s best route, across all lanes.' });

export const ResilienceMatrixResponseSchema = z
  .object({
    query: z.object({
      objective: ObjectiveSchema,
      include: z.array(IncludableStatusSchema),
      modes: z.array(ModeSchema),
      maxElements: z.number().int(),
      maxTotalElements: z.number().int().describe('Elements checked over all lanes together at most.'),
    }),
    dataVersion: z.string(),
    scenario: ScenarioRefSchema.nullable(),
    method: z.string(),
    lanes: z.array(LaneResilienceSchema),
    elements: z.array(MatrixElementSchema).describe('Every element met on any lane\'s best route, ranked: single points of failure first.'),
  })
  .meta({ id: 'ResilienceMatrixResponse', description: 'Single points of failure of a set of lanes.' });

export type ResilienceMatrixResponse = z.output<typeof ResilienceMatrixResponseSchema>;
