/** GET /v1/reachability: every place reachable from one place within a time budget, as JSON or GeoJSON Points. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { reachabilityQuestion, reachablePlaces } from '../../domain/planning/answer-views.js';
import type { RouteDeps } from '../deps.js';
import { chooseFormat, CONTENT_TYPES } from '../mappers/format.js';
import { planningMonthOf } from '../schemas/as-of-fields.js';
import { reachabilityToGeoJson, reachabilityToWire } from '../mappers/reachability-to-wire.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ReachabilityQuerySchema, ReachabilityResponseSchema } from '../schemas/reachability.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import type { IncludableStatusSchema, ModeSchema } from '../schemas/route-fields.js';
import { ReachableFeatureCollectionSchema } from '../schemas/route-geojson.js';
import { splitList } from '../schemas/route-query.js';

const EXAMPLE_URL = '/v1/reachability?from=Almaty&maxHours=72';

export const reachabilityRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
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
      const include = splitList(q.include) as z.output<typeof IncludableStatusSchema>[];
      const modes = splitList(q.modes) as z.output<typeof ModeSchema>[];
      const format = chooseFormat(q.format, request.headers.accept, ['json', 'geojson']);
      reply.header('vary', 'Accept');
      const input = { from: q.from, maxHours: q.maxHours, objective: q.objective, scenario: q.scenario, include, modes, asOf: planningMonthOf(q.asOf) };
      const pool = deps.pool;
      const rq = reachabilityQuestion(deps.planning, input);
      // Off the event loop when there are workers; they hold today's network and the named scenarios,
      // so a network at a planning date that opens records is planned here.
      const dated = rq.network.dated !== null && rq.network.dated.opened.length > 0;
      const places =
        pool === null || dated
          ? reachablePlaces(deps.planning, rq, rq.from, q.maxHours)
          : await pool.reachability(rq.scenario?.id ?? null, rq.from, q.maxHours, rq.options, deps.config.planBudget);
      const r = { ...rq, places };
      Object.assign(request.logFields, { from: r.from, maxHours: q.maxHours, scenario: r.scenario?.id ?? null });
      const answer = reachabilityToWire(deps.prepared, r, q.maxHours);
      // Serialised by the geo+json response schema, picked by the content type.
      if (format === 'geojson') return reply.type(CONTENT_TYPES.geojson).send(reachabilityToGeoJson(answer));
      return answer;
    },
  );
};
