/**
 * GET and POST /v1/routes: plan routes between two places. Both forms map to
 * the same RouteQuery and give the same answer; POST exists for long avoid
 * lists and for clients that prefer a JSON body.
 */
import type { DoneFuncWithErrOrRes, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode } from '../../domain/errors.js';
import { WorkBudget } from '../../domain/graph/budget.js';
import { planRoutes } from '../../domain/routing/plan-routes.js';
import type { RouteQuery } from '../../domain/routing/route-types.js';
import type { AppDeps } from '../app.js';
import { queryToRequest, resolveRequest, type RouteRequest } from '../mappers/route-request.js';
import {
  LruCache,
  RAW_URL_MAX_LENGTH,
  routeCacheKey,
  type RawUrlEntry,
  type RouteAnswerLog,
  type RouteCacheEntry,
} from '../route-cache.js';
import { round1, routeToWire, WireNames } from '../mappers/route-to-wire.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ROUTE_EXAMPLE_NAME, ROUTE_EXAMPLE_URL, ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { RouteQuerySchema } from '../schemas/route-query.js';
import { RouteRequestSchema } from '../schemas/route-request.js';
import { RouteResponseSchema, type RouteResponse } from '../schemas/route-response.js';
import { routeEmissions } from '../../domain/emissions/route-emissions.js';
import { explainRoutes } from '../../domain/planning/explain.js';
import { chooseFormat, CONTENT_TYPES } from '../mappers/format.js';
import { routesToCsv } from '../mappers/route-csv.js';
import { appliedOverlaysToWire, explanationToWire, legCo2ToWire, routeCo2ToWire } from '../mappers/route-extras.js';
import { routesToGeoJson } from '../mappers/route-geojson.js';
import { planningNetwork, scenarioById, uniqueStatuses } from '../mappers/scenario-request.js';
import type { RouteAnswerOptions } from '../route-cache.js';
import type { Format } from '../schemas/planning-fields.js';
import { RouteLegFeatureCollectionSchema } from '../schemas/route-geojson.js';
import { z } from 'zod';

const TAG = 'routes';

const DESCRIPTION =
  'Plans freight routes between two places over the rail corridors of Central and South Asia, with ferry and sea legs. ' +
  'Places can be given by id, name, alias or UN/LOCODE. The answer lists the routes best first (by the objective), ' +
  'each with its distance, transit time as low / typical / high hours and days, border crossings, gauge changes, ' +
  'countries, corridors, legs with their sources, warnings (e.g. non-operational links in a scenario) and a GeoJSON line. ' +
  'Only operational links are used unless `include` names other statuses. ' +
  'With `scenario` (and, in POST, `overlays`) the routes are planned on the network as changed by them, never changing it for other requests. ' +
  'Every route and leg carries its CO2 for `cargoTonnes`; `explain=true` adds why each route costs and ranks as it does. ' +
  'Answers come as JSON, GeoJSON (one LineString per leg) or CSV (one row per leg), by `format` or the Accept header.';

function placeRef(names: WireNames, id: string) {
  return names.place(id);
}

/** Plans a resolved question on the network the options name and renders it as the wire answer; also fills the log line. */
function render(
  request: FastifyRequest,
  query: RouteQuery,
  options: RouteAnswerOptions,
  deps: AppDeps,
): { response: RouteResponse; log: RouteAnswerLog } {
  const net = planningNetwork(deps, options.scenario ?? undefined, options.overlays);
  const prepared = net.prepared;
  const started = performance.now();
  const routes = planRoutes(prepared, query, { budget: new WorkBudget(deps.config.planBudget) });
  const planMs = round1(performance.now() - started);
  const best = routes[0];
  const log: RouteAnswerLog = {
    km: best ? round1(best.distanceKm) : null,
    hours: best ? round1(best.hours.total.typical) : null,
    routes: routes.length,
  };
  Object.assign(request.logFields, { from: query.from, to: query.to, ...log, planMs });
  const names = new WireNames(prepared.index);
  const explanations = options.explain ? explainRoutes(routes, query.objective) : [];
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
      scenario: options.scenario,
      cargoTonnes: options.cargoTonnes,
      explain: options.explain,
    },
    dataVersion: prepared.network.parameters.dataVersion,
    scenario: net.scenario ? { id: net.scenario.id, name: net.scenario.name } : null,
    appliedOverlays: appliedOverlaysToWire(net.applied, net.scenario?.overlays.length ?? 0),
    routes: routes.map((r, i) => {
      const emissions = routeEmissions(r, prepared.network, deps.emissionFactors, options.cargoTonnes);
      const explanation = explanations[i];
      return routeToWire(r, i + 1, names, {
        co2: routeCo2ToWire(emissions, options.cargoTonnes),
        legCo2: legCo2ToWire(emissions),
        ...(explanation ? { explanation: explanationToWire(explanation) } : {}),
      });
    }),
  };
  return { response, log };
}

/** The answer as sent: JSON through the route's own serializer, GeoJSON and CSV built here. */
function serialise(reply: FastifyReply, response: RouteResponse, format: Format): string {
  if (format === 'geojson') return JSON.stringify(routesToGeoJson(response.routes));
  if (format === 'csv') return routesToCsv(response.routes);
  // The route's own 200 serializer: the same bytes fastify would write for the object.
  return reply.serializeInput(response, '200', 'application/json') as string;
}

/** Planning errors fixed by the question and the data set, so kept like answers. */
const CACHED_ERRORS: ReadonlySet<DomainErrorCode> = new Set(['NO_ROUTE', 'INVALID_CONSTRAINT']);


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
  rawUrls: LruCache<RawUrlEntry> | null = null,
): RouteResponse | FastifyReply {
  // Logged even when planning fails, so a NO_ROUTE line still says what was asked.
  Object.assign(request.logFields, { from: req.from, to: req.to, objective: req.objective });
  const resolved = resolveRequest(req, deps.places);
  // An unknown scenario is a 404 before anything is planned or looked up.
  const scenario = scenarioById(deps, req.scenario);
  const query: RouteQuery = { ...resolved, include: uniqueStatuses(resolved.include, scenario?.include ?? []) };
  const options: RouteAnswerOptions = {
    scenario: scenario?.id ?? null,
    overlays: req.overlays,
    cargoTonnes: req.cargoTonnes,
    explain: req.explain,
    format: chooseFormat(req.format, request.headers.accept, ['json', 'geojson', 'csv']),
  };
  if (scenario) request.logFields.scenario = scenario.id;
  // The format follows the Accept header when `format` is absent: shared caches must key on it.
  varyOnAccept(reply);
  if (cache === null) {
    const { response } = render(request, query, options, deps);
    if (options.format === 'json') return response;
    return reply.type(CONTENT_TYPES[options.format]).send(serialise(reply, response, options.format));
  }

  const key = routeCacheKey(deps.prepared.network.parameters.dataVersion, query, options);
  let entry = cache.get(key);
  if (entry === undefined) {
    request.logFields.cache = 'miss';
    try {
      const { response, log } = render(request, query, options, deps);
      // Kept as UTF-8 bytes: a hit then needs no encoding or length count of a 2–110 KB string
      // (about a fifth of the service's CPU per hit when kept as a string), and takes half the memory.
      const body = Buffer.from(serialise(reply, response, options.format), 'utf8');
      entry = { kind: 'answer', body, contentType: CONTENT_TYPES[options.format], log };
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
  if (rawUrls !== null && request.method === 'GET' && request.url.length <= RAW_URL_MAX_LENGTH) {
    // Exactly the fields a hit logs above, in the same order.
    const log = {
      from: query.from,
      to: query.to,
      objective: req.objective,
      ...(scenario ? { scenario: scenario.id } : {}),
      cache: 'hit',
      ...entry.log,
    };
    rawUrls.set(request.url, { key, accept: request.headers.accept, log });
  }
  return sendKept(reply, entry);
}

/** Bytes with a content type set are written as they are: no serializer runs on a hit. */
function sendKept(reply: FastifyReply, entry: Extract<RouteCacheEntry, { kind: 'answer' }>): FastifyReply {
  return reply.type(entry.contentType).send(entry.body);
}

/**
 * preValidation hook of GET /v1/routes: a URL answered before (same bytes,
 * same Accept) is answered from the route cache without validating, parsing,
 * resolving or keying its query again. It runs after every onRequest hook,
 * so API keys, rate limiting, load shedding, CORS, request ids and the
 * security headers apply as to any request. The answer and its headers are
 * those of answer() on a hit; the lookup also counts as a use of the cache
 * entry, and a URL whose entry has left the cache takes the normal path.
 */
function rawUrlHit(
  cache: LruCache<RouteCacheEntry>,
  rawUrls: LruCache<RawUrlEntry>,
): (request: FastifyRequest, reply: FastifyReply, done: DoneFuncWithErrOrRes) => void {
  return (request, reply, done) => {
    if (request.method !== 'GET') return done();
    const front = rawUrls.get(request.url);
    if (front === undefined || front.accept !== request.headers.accept) return done();
    const entry = cache.get(front.key);
    if (entry === undefined || entry.kind !== 'answer') {
      rawUrls.delete(request.url);
      return done();
    }
    Object.assign(request.logFields, front.log);
    varyOnAccept(reply);
    // Answered here: the rest of the request's lifecycle (validation, handler) does not run.
    sendKept(reply, entry);
  };
}

const RouteCsvSchema = z.string().meta({
  description:
    'Legs of every route as CSV (format=csv or Accept: text/csv): a header row, then one row per leg, route 1 first; ' +
    'CRLF line ends, fields quoted when needed, corridors separated by semicolons.',
  example:
    'routeIndex,legIndex,linkId,fromId,fromName,fromCountry,toId,toName,toCountry,mode,km,hoursLow,hoursTypical,hoursHigh,gaugeMm,status,corridors,kgCo2e,co2FactorId,estimated\r\n' +
    '1,1,almaty--almaty-bypass-junction,almaty,Almaty,KZ,almaty-bypass-junction,Almaty bypass west junction,KZ,rail,34,0.7,0.9,1.1,1520,operational,,0,rail-electric,true\r\n',
});

export const routesRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  // One cache per app, i.e. per immutable data set; GET and POST share it (same question, same answer).
  const entries = deps.config.routeCacheEntries;
  const cache = entries > 0 ? new LruCache<RouteCacheEntry>(entries) : null;
  // Never more URLs than answers are worth keeping; each holds a key, not a body.
  const rawUrls = cache === null ? null : new LruCache<RawUrlEntry>(entries);
  const successResponse = {
    description: 'Routes found, best first.',
    content: {
      'application/json': {
        schema: RouteResponseSchema,
        // One copy in components/examples (app.ts), shared by GET and POST.
        examples: { [ROUTE_EXAMPLE_NAME]: { $ref: `#/components/examples/${ROUTE_EXAMPLE_NAME}` } },
      },
      'application/geo+json': { schema: RouteLegFeatureCollectionSchema },
      'text/csv': { schema: RouteCsvSchema },
    },
  };

  app.get(
    '/v1/routes',
    {
      ...(cache !== null && rawUrls !== null ? { preValidation: rawUrlHit(cache, rawUrls) } : {}),
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
    async (request, reply) => answer(request, reply, queryToRequest(request.query), deps, cache, rawUrls),
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
            INVALID_CONSTRAINT: {
              when: 'the constraints contradict each other or name unknown ids, or an overlay names an unknown id or leaves the network inconsistent',
              detail: 'overlay 0: crossingId: unknown crossing "chaman--spin-boldak"',
              extensions: { parameter: 'overlays[0].crossingId', overlayIndex: 0, value: 'chaman--spin-boldak' },
            },
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

/**
 * Adds Accept to Vary without dropping what is there already: CORS sets
 * `Vary: Origin`, and a shared cache must key on both.
 */
function varyOnAccept(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (!fields.some((f) => f === '*' || f.toLowerCase() === 'accept')) fields.push('Accept');
  reply.header('vary', fields.join(', '));
}
