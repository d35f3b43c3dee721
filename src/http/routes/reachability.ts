/** GET /v1/reachability: every place reachable from one place within a time budget, as JSON or GeoJSON Points. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { WorkBudget } from '../../domain/graph/budget.js';
import { reachableWithin } from '../../domain/planning/reachability.js';
import { DEFAULT_QUERY } from '../../domain/routing/defaults.js';
import type { AppDeps } from '../app.js';
import { chooseFormat, CONTENT_TYPES } from '../mappers/format.js';
import { resolvePlaces } from '../mappers/place-refs.js';
import { reachabilityAreas } from '../mappers/reachability-areas.js';
import { round1, WireNames } from '../mappers/route-to-wire.js';
import { planningMonthOf } from '../schemas/as-of-fields.js';
import { asOfToWire } from '../mappers/as-of-to-wire.js';
import { planningNetwork, scenarioById, uniqueStatuses } from '../mappers/scenario-request.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ReachabilityQuerySchema, ReachabilityResponseSchema, type ReachabilityResponse } from '../schemas/reachability.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import type { IncludableStatusSchema, ModeSchema } from '../schemas/route-fields.js';
import { ReachableFeatureCollectionSchema, type ReachableFeatureCollection } from '../schemas/route-geojson.js';
import { splitList } from '../schemas/route-query.js';

const EXAMPLE_URL = '/v1/reachability?from=Almaty&maxHours=72';

function toGeoJson(r: ReachabilityResponse): ReachableFeatureCollection {
  const areas = [...r.areas].reverse().map((a) => ({
    type: 'Feature' as const,
    geometry: a.geometry,
    properties: { kind: 'area' as const, maxHours: a.maxHours, places: a.places },
  }));
  return {
    type: 'FeatureCollection',
    features: [...areas, ...r.places.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: p.coordinates },
      properties: {
        kind: 'place' as const,
        id: p.place.id,
        name: p.place.name,
        country: p.place.country,
        typicalHours: p.typicalHours,
        distanceKm: p.distanceKm,
        crossings: p.crossings,
      },
    }))],
  };
}

export const reachabilityRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/v1/reachability',
    {
      schema: {
        operationId: 'getReachability',
        tags: ['planning'],
        summary: 'Places reachable within a time budget',
        description:
          `Every place reachable from \`from\` within \`maxHours\` typical hours (at most ${PLANNING_LIMITS.maxReachabilityHours}), ` +
          'with the hours, km and borders of the best route by `objective`, nearest first; on today\'s network or a named scenario. ' +
          'As GeoJSON Points with format=geojson or Accept: application/geo+json.',
        querystring: ReachabilityQuerySchema,
        response: {
          200: {
            description: 'The reachable places.',
            content: {
              'application/json': { schema: ReachabilityResponseSchema },
              'application/geo+json': { schema: ReachableFeatureCollectionSchema },
            },
          },
          ...problemResponses(EXAMPLE_URL, {
            VALIDATION_ERROR: {
              when: 'a parameter is missing or malformed, or maxHours exceeds its maximum; `errors` names every offending parameter',
              detail: '1 request parameter is invalid: maxHours.',
              extensions: { errors: [{ parameter: 'maxHours', message: `must be at most ${PLANNING_LIMITS.maxReachabilityHours}, got "1000"` }] },
            },
            UNKNOWN_PLACE: ROUTE_PROBLEM_DOCS.UNKNOWN_PLACE,
            NOT_FOUND: ROUTE_PROBLEM_DOCS.NOT_FOUND,
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const [from] = resolvePlaces(deps.places, [{ parameter: 'from', ref: q.from }]) as [string];
      const scenario = scenarioById(deps, q.scenario);
      const net = planningNetwork(deps, scenario?.id, [], planningMonthOf(q.asOf));
      const include = uniqueStatuses(splitList(q.include) as z.output<typeof IncludableStatusSchema>[], net.include);
      const modes = [...new Set(splitList(q.modes))] as z.output<typeof ModeSchema>[];
      const format = chooseFormat(q.format, request.headers.accept, ['json', 'geojson']);
      reply.header('vary', 'Accept');
      Object.assign(request.logFields, { from, maxHours: q.maxHours, scenario: scenario?.id ?? null });
      const names = new WireNames(deps.prepared.index);
      const reachable = reachableWithin(net.prepared, from, q.maxHours, { ...DEFAULT_QUERY, objective: q.objective, include, modes }, {
        budget: new WorkBudget(deps.config.planBudget),
      });
      const places = reachable.map((r) => ({
        place: names.placeWithCountry(r.placeId),
        typicalHours: round1(r.hours),
        distanceKm: round1(r.km),
        crossings: r.crossings,
        coordinates: names.coordinates(r.placeId),
      }));
      const answer: ReachabilityResponse = {
        query: { from: names.place(from), maxHours: q.maxHours, objective: q.objective, scenario: scenario?.id ?? null, include, modes },
        dataVersion: deps.prepared.network.parameters.dataVersion,
        scenario: scenario ? { id: scenario.id, name: scenario.name } : null,
        asOf: asOfToWire(net.dated, deps.prepared.network.parameters.dataDate),
        places,
        areas: reachabilityAreas(names.coordinates(from), places, q.maxHours),
      };
      // Serialised by the geo+json response schema, picked by the content type.
      if (format === 'geojson') return reply.type(CONTENT_TYPES.geojson).send(toGeoJson(answer));
      return answer;
    },
  );
};
