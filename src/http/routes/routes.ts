/**
 * GET and POST /v1/routes: plan routes between two places. Both forms map to
 * the same RouteQuery and give the same answer; POST exists for long avoid
 * lists and for clients that prefer a JSON body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode } from '../../domain/errors.js';
import type { PreparedNetwork } from '../../domain/routing/prepare.js';
import { planRoutes } from '../../domain/routing/plan-routes.js';
import type { RouteQuery } from '../../domain/routing/route-types.js';
import type { AppDeps } from '../app.js';
import { queryToRequest, resolveRequest, type RouteRequest } from '../mappers/route-request.js';
import { LruCache, routeCacheKey, type RouteAnswerLog, type RouteCacheEntry } from '../route-cache.js';
import { round1, routeToWire, WireNames } from '../mappers/route-to-wire.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ROUTE_EXAMPLE_NAME, ROUTE_EXAMPLE_URL, ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { RouteQuerySchema } from '../schemas/route-query.js';
import { RouteRequestSchema } from '../schemas/route-request.js';
import { RouteResponseSchema, type RouteResponse } from '../schemas/route-response.js';

const TAG = 'routes';

const DESCRIPTION =
  'Plans freight routes between two places over the rail corridors of Central and South Asia, with ferry and sea legs. ' +
  'Places can be given by id, name, alias or UN/LOCODE. The answer lists the routes best first (by the objective), ' +
  'each with its distance, transit time as low / typical / high hours and days, border crossings, gauge changes, ' +
  'countries, corridors, legs with their sources, warnings (e.g. non-operational links in a scenario) and a GeoJSON line. ' +
  'Only operational links are used unless `include` names other statuses.';

function placeRef(names: WireNames, id: string) {
  return names.place(id);
}

/** Plans and renders a resolved question; also fills the request's log line. */
function render(request: FastifyRequest, query: RouteQuery, prepared: PreparedNetwork): { response: RouteResponse; log: RouteAnswerLog } {
  const started = performance.now();
  const routes = planRoutes(prepared, query);
  const planMs = round1(performance.now() - started);
  const best = routes[0];
  const log: RouteAnswerLog = {
    km: best ? round1(best.distanceKm) : null,
    hours: best ? round1(best.hours.total.typical) : null,
    routes: routes.length,
  };
  Object.assign(request.logFields, { from: query.from, to: query.to, ...log, planMs });
  const names = new WireNames(prepared.index);
  const response: RouteResponse = {
    query: {
      from: placeRef(names, query.from),
      to: placeRef(names, query.to),
      via: query.via.map((id) => placeRef(names, id)),
      objective: query.objective,
      include: [...query.include],
      modes: [...query.modes],
      alternatives: query.alternatives,
      maxOverlap: query.maxOverlap,
      avoidCountries: [...query.avoidCountries],
      avoidPlaces: query.avoidPlaces.map((id) => placeRef(names, id)),
      avoidCrossings: [...query.avoidCrossings],
      avoidCorridors: [...query.avoidCorridors],
      avoidLinks: [...query.avoidLinks],
    },
    dataVersion: prepared.network.parameters.dataVersion,
    routes: routes.map((r, i) => routeToWire(r, i + 1, names)),
  };
  return { response, log };
}

/** Planning errors fixed by the question and the data set, so kept like answers. */
const CACHED_ERRORS: ReadonlySet<DomainErrorCode> = new Set(['NO_ROUTE', 'INVALID_CONSTRAINT']);

/** The 200 answer's content type, as fastify sets it when it serialises the answer itself. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Answers a question: from the cache when it was asked before on this data
 * set (in any spelling that resolves the same), else planned, serialised
 * with the route's own response serializer and kept. Without a cache the
 * answer object goes to fastify as before.
 */
function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  req: RouteRequest,
  deps: AppDeps,
  cache: LruCache<RouteCacheEntry> | null,
): RouteResponse | FastifyReply {
  // Logged even when planning fails, so a NO_ROUTE line still says what was asked.
  Object.assign(request.logFields, { from: req.from, to: req.to, objective: req.objective });
  const query = resolveRequest(req, deps.places);
  if (cache === null) return render(request, query, deps.prepared).response;

  const key = routeCacheKey(deps.prepared.network.parameters.dataVersion, query);
  let entry = cache.get(key);
  if (entry === undefined) {
    request.logFields.cache = 'miss';
    try {
      const { response, log } = render(request, query, deps.prepared);
      // The route's own 200 serializer: the same bytes fastify would write for the object.
      entry = { kind: 'answer', body: reply.serializeInput(response, '200', 'application/json') as string, log };
    } catch (err) {
      if (!(err instanceof DomainError && CACHED_ERRORS.has(err.code))) throw err;
      entry = { kind: 'error', error: err };
    }
    cache.set(key, entry);
  } else {
    request.logFields.cache = 'hit';
    if (entry.kind === 'answer') Object.assign(request.logFields, { from: query.from, to: query.to, ...entry.log });
  }
  if (entry.kind === 'error') throw entry.error;
  // A string with a JSON content type is written as it is: no serializer runs on a hit.
  return reply.type(JSON_CONTENT_TYPE).send(entry.body);
}

export const routesRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  // One cache per app, i.e. per immutable data set; GET and POST share it (same question, same answer).
  const entries = deps.config.routeCacheEntries;
  const cache = entries > 0 ? new LruCache<RouteCacheEntry>(entries) : null;
  const successResponse = {
    description: 'Routes found, best first.',
    content: {
      'application/json': {
        schema: RouteResponseSchema,
        // One copy in components/examples (app.ts), shared by GET and POST.
        examples: { [ROUTE_EXAMPLE_NAME]: { $ref: `#/components/examples/${ROUTE_EXAMPLE_NAME}` } },
      },
    },
  };

  app.get(
    '/v1/routes',
    {
      schema: {
        operationId: 'getRoutes',
        tags: [TAG],
        summary: 'Plan routes (query string)',
        description: `${DESCRIPTION} Lists (include, modes, via, avoid…) are comma-separated.`,
        querystring: RouteQuerySchema,
        response: {
          200: successResponse,
          ...problemResponses(ROUTE_EXAMPLE_URL, { ...ROUTE_PROBLEM_DOCS, INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async (request, reply) => answer(request, reply, queryToRequest(request.query), deps, cache),
  );

  app.post(
    '/v1/routes',
    {
      schema: {
        operationId: 'postRoutes',
        tags: [TAG],
        summary: 'Plan routes (JSON body)',
        description: `${DESCRIPTION} Same parameters and answer as GET /v1/routes, with JSON arrays for the lists.`,
        body: RouteRequestSchema,
        response: {
          200: successResponse,
          ...problemResponses('/v1/routes', {
            ...ROUTE_PROBLEM_DOCS,
            MALFORMED_REQUEST: { when: 'the body is not valid JSON', detail: 'The request body is not valid JSON.' },
            PAYLOAD_TOO_LARGE: {
              when: 'the body is larger than the service accepts',
              detail: 'The request body is larger than this service accepts.',
            },
            UNSUPPORTED_MEDIA_TYPE: {
              when: 'the body is not sent as application/json',
              detail: 'Send the request body as application/json.',
            },
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request, reply) => answer(request, reply, request.body, deps, cache),
  );
};
