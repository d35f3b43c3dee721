/**
 * GET /v1/resilience: closure impact of each crossing, ferry and link of a
 * lane's best route. POST /v1/resilience: the same over several lanes, with
 * the elements ranked across them (single points of failure first). Each
 * element costs one route search; the searches run one at a time with a
 * yield to the event loop in between, so a long check does not hold up other
 * requests for its whole duration.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { laneResilienceQuestion, resilienceMatrixQuestion } from '../../domain/planning/answer-views.js';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { DEFAULT_QUERY } from '../../domain/routing/defaults.js';
import type { RouteDeps } from '../deps.js';
import { impactToWire, laneRouteToWire, matrixElementToWire } from '../mappers/resilience-to-wire.js';
import { WireNames } from '../mappers/route-to-wire.js';
import { runYielding } from '../run-yielding.js';
import { INTERNAL_DOC, JSON_BODY_DOCS, problemResponses } from '../schemas/problem.js';
import {
  ResilienceMatrixRequestSchema,
  ResilienceMatrixResponseSchema,
  ResilienceQuerySchema,
  ResilienceResponseSchema,
  type ResilienceMatrixResponse,
  type ResilienceResponse,
} from '../schemas/resilience.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { queryToRequest, routeAsk } from '../mappers/route-request.js';

const EXAMPLE_URL = '/v1/resilience?from=Almaty&to=Karachi';

const METHOD =
  'Each crossing, ferry and link of the best route is closed alone (added to avoidCrossings or avoidLinks) and the best route is planned again with the same options. ' +
  'Ranked: closures that leave no route first, then by the rise in the cost the objective minimises (typical hours, km, or crossings then hours), then by km lost; ties in travel order.';

export const resilienceRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  app.get(
    '/v1/resilience',
    {
      schema: {
        operationId: 'getResilience',
        tags: ['planning'],
        summary: 'Closure impact on one lane',
        description:
          'For each border crossing, ferry and link on today\'s best route between two places (same options as GET /v1/routes), what happens if it alone closes: ' +
          'the best route without it, km and days lost, or no route. Ranked by impact, so the single points of failure of the lane come first. ' +
          `At most ${PLANNING_LIMITS.maxResilienceElements} elements are checked (one route search each, about 35–60 ms on the real network).`,
        querystring: ResilienceQuerySchema,
        response: {
          200: { description: 'Every element of the best route with its closure impact, largest first.', content: { 'application/json': { schema: ResilienceResponseSchema } } },
          ...problemResponses(EXAMPLE_URL, {
            VALIDATION_ERROR: {
              when: 'a parameter is missing or malformed, or a limit is exceeded; `errors` names every offending parameter',
              detail: '1 request parameter is invalid: maxElements.',
              extensions: { errors: [{ parameter: 'maxElements', message: `Too big: expected number to be <=${PLANNING_LIMITS.maxResilienceElements}` }] },
            },
            INVALID_CONSTRAINT: ROUTE_PROBLEM_DOCS.INVALID_CONSTRAINT,
            UNKNOWN_PLACE: ROUTE_PROBLEM_DOCS.UNKNOWN_PLACE,
            NOT_FOUND: ROUTE_PROBLEM_DOCS.NOT_FOUND,
            NO_ROUTE: { ...ROUTE_PROBLEM_DOCS.NO_ROUTE, when: 'there is no best route to start from with these options' },
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request): Promise<ResilienceResponse> => {
      const q = request.query;
      // The route options of GET /v1/routes that shape one best route: the other fields take their defaults.
      const ask = routeAsk(queryToRequest({ ...q, alternatives: 1, maxOverlap: DEFAULT_QUERY.maxOverlap, explain: 'false', geometry: 'geojson' }));
      const lane = laneResilienceQuestion(deps.planning, ask.query, { scenario: q.scenario, maxElements: q.maxElements });
      const { query, network: net } = lane;
      Object.assign(request.logFields, { from: query.from, to: query.to, objective: query.objective, ...(net.scenario ? { scenario: net.scenario.id } : {}) });
      const r = await runYielding(lane.steps);
      const index = net.prepared.index;
      const names = new WireNames(index);
      request.logFields.elements = r.impacts.length;
      return {
        query: {
          from: names.place(query.from),
          to: names.place(query.to),
          objective: query.objective,
          include: [...query.include],
          modes: [...query.modes],
          via: query.via.map((id) => names.place(id)),
          avoidCountries: [...query.avoidCountries],
          avoidPlaces: query.avoidPlaces.map((id) => names.place(id)),
          avoidCrossings: [...query.avoidCrossings],
          avoidCorridors: [...query.avoidCorridors],
          avoidLinks: [...query.avoidLinks],
          maxElements: q.maxElements,
        },
        dataVersion: net.prepared.network.parameters.dataVersion,
        scenario: net.scenario ? { id: net.scenario.id, name: net.scenario.name } : null,
        method: METHOD,
        best: laneRouteToWire(r.best, names),
        elementsOnRoute: r.elements.length,
        elementsChecked: r.impacts.length,
        unchecked: r.unchecked.map((e) => elementOf(e)),
        impacts: r.impacts.map((i, k) => impactToWire(i, k + 1, index, names)),
      };

      function elementOf(e: (typeof r.unchecked)[number]) {
        return impactToWire({ element: e, route: null, kmLost: null, hoursLost: null, costLost: null, reason: null }, 0, index, names).element;
      }
    },
  );

  app.post(
    '/v1/resilience',
    {
      schema: {
        operationId: 'postResilience',
        tags: ['planning'],
        summary: 'Closure impact over several lanes',
        description:
          'The closure check of GET /v1/resilience for each lane, then every element met on any lane\'s best route ranked across the lanes: ' +
          'those whose closure leaves the most lanes without a route first (the corridor\'s single points of failure), then by typical days lost summed over the lanes. ' +
          `At most ${PLANNING_LIMITS.maxResilienceLanes} lanes, ${PLANNING_LIMITS.maxResilienceElements} elements per lane and ${PLANNING_LIMITS.maxResilienceTotalElements} over all lanes.`,
        body: ResilienceMatrixRequestSchema,
        response: {
          200: { description: 'Each lane and every element ranked across the lanes.', content: { 'application/json': { schema: ResilienceMatrixResponseSchema } } },
          ...problemResponses('/v1/resilience', {
            VALIDATION_ERROR: {
              when: 'a member is missing or malformed, or a limit is exceeded; `errors` names every offending member',
              detail: '1 request parameter is invalid: lanes.',
              extensions: { errors: [{ parameter: 'lanes', message: `Too big: expected array to have <=${PLANNING_LIMITS.maxResilienceLanes} items` }] },
            },
            MALFORMED_REQUEST: { when: 'the body is not valid JSON', detail: 'The request body is not valid JSON.' },
            INVALID_CONSTRAINT: ROUTE_PROBLEM_DOCS.INVALID_CONSTRAINT,
            UNKNOWN_PLACE: {
              when: 'a lane end matches no place; `errors` lists every one',
              detail: 'no place matches "Akatu"; did you mean "Aktau" (aktau)?',
              extensions: { parameter: 'lanes[0].from', value: 'Akatu' },
            },
            NOT_FOUND: ROUTE_PROBLEM_DOCS.NOT_FOUND,
            ...JSON_BODY_DOCS,
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request): Promise<ResilienceMatrixResponse> => {
      const b = request.body;
      const { lanes } = b;
      const ask = routeAsk({
        ...b,
        // The lanes give the ends (resolved by the use case); a lane has no via places.
        from: '',
        to: '',
        via: [],
        alternatives: 1,
        maxOverlap: DEFAULT_QUERY.maxOverlap,
        overlays: [],
        explain: false,
        geometry: 'geojson',
      });
      const m0 = resilienceMatrixQuestion(deps.planning, lanes, ask.query, { scenario: b.scenario, maxElements: b.maxElements });
      const { query: base, network: net } = m0;
      Object.assign(request.logFields, { lanes: lanes.length, objective: base.objective, ...(net.scenario ? { scenario: net.scenario.id } : {}) });
      const m = await runYielding(m0.steps);
      const index = net.prepared.index;
      const names = new WireNames(index);
      const el = (e: Parameters<typeof impactToWire>[0]['element']) =>
        impactToWire({ element: e, route: null, kmLost: null, hoursLost: null, costLost: null, reason: null }, 0, index, names).element;
      return {
        query: {
          objective: base.objective,
          include: [...base.include],
          modes: [...base.modes],
          maxElements: b.maxElements,
          maxTotalElements: PLANNING_LIMITS.maxResilienceTotalElements,
        },
        dataVersion: net.prepared.network.parameters.dataVersion,
        scenario: net.scenario ? { id: net.scenario.id, name: net.scenario.name } : null,
        method: `${METHOD} Across lanes: most lanes cut first, then the cost lost summed over the lanes still routed.`,
        lanes: m.lanes.map((o) => ({
          from: names.place(o.from),
          to: names.place(o.to),
          best: o.resilience ? laneRouteToWire(o.resilience.best, names) : null,
          reason: o.reason,
          elementsOnRoute: o.resilience?.elements.length ?? 0,
          elementsChecked: o.resilience?.impacts.length ?? 0,
          unchecked: (o.resilience?.unchecked ?? []).map(el),
        })),
        elements: m.elements.map((e, k) => matrixElementToWire(e, k + 1, index, names)),
      };
    },
  );
};
