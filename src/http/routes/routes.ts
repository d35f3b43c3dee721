/**
 * GET and POST /v1/routes: plan routes between two places. Both forms map to
 * the same RouteQuery and give the same answer; POST exists for long avoid
 * lists and for clients that prefer a JSON body.
 */
import type { DoneFuncWithErrOrRes, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode } from '../../domain/errors.js';
import { answerRoute, routeQuestion, type RouteQuestion } from '../../domain/planning/answer.js';
import type { RouteDeps } from '../deps.js';
import { coordinateMatches, queryToRequest, routeAsk, type RouteRequest } from '../mappers/route-request.js';
import { exportDisposition, exportText, routeAnswerToWire, withPolylineGeometry } from '../mappers/route-answer.js';
import {
  LruCache,
  RAW_URL_MAX_LENGTH,
  routeCacheKey,
  type RawUrlEntry,
  type RouteAnswerLog,
  type RouteCacheEntry,
} from '../route-cache.js';
import { round1 } from '../mappers/route-to-wire.js';
import { CSV_COLUMNS } from '../mappers/route-csv.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ROUTE_EXAMPLE_NAME, ROUTE_EXAMPLE_URL, ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { RouteQuerySchema } from '../schemas/route-query.js';
import { RouteRequestSchema } from '../schemas/route-request.js';
import { RouteResponseSchema, type RouteResponse } from '../schemas/route-response.js';
import { chooseFormat, CONTENT_TYPES } from '../mappers/format.js';
import type { RouteAnswerOptions } from '../route-cache.js';
import { RouteFeatureCollectionSchema } from '../schemas/route-geojson.js';
import { z } from 'zod';

const TAG = 'routes';

const DESCRIPTION =
  'Plans freight routes between two places over the rail corridors of Central and South Asia, with ferry and sea legs. ' +
  'Places can be given by id, name, alias or UN/LOCODE. The answer lists the routes best first (by the objective), ' +
  'each with its distance, transit time as low / typical / high hours and days, border crossings, gauge changes, ' +
  'countries, corridors, legs with their sources, warnings (e.g. non-operational links in a scenario) and a GeoJSON line. ' +
  'Only operational links are used unless `include` names other statuses. ' +
  'With `scenario` (and, in POST, `overlays`) the routes are planned on the network as changed by them, never changing it for other requests. ' +
  'Every route and leg carries its greenhouse-gas emissions (ISO 14083 / GLEC: TTW, WTT, WTW, kg CO2e) for the cargo given as `cargoTonnes`, or as containers with `cargoTeu`/`cargoFeu` (then also per TEU); `explain=true` adds why each route costs and ranks as it does. ' +
  'Answers come as JSON, GeoJSON (a route feature with the totals, a LineString per leg, a Point per border dwell, gauge change and change of mode) ' +
  'or CSV (a row per leg, border dwell, gauge change and change of mode, a row per time component and a total row), by `format` or the Accept header; ' +
  'both add up to the JSON answer\'s hours.';

/** Plans a resolved question and renders it as the wire answer; also fills the log line. */
function render(
  request: FastifyRequest,
  question: RouteQuestion,
  options: RouteAnswerOptions,
  deps: RouteDeps,
): { response: RouteResponse; log: RouteAnswerLog } {
  const started = performance.now();
  const planned = answerRoute(deps.planning, question);
  const planMs = round1(performance.now() - started);
  const best = planned.routes[0];
  const log: RouteAnswerLog = {
    km: best ? round1(best.distanceKm) : null,
    hours: best ? round1(best.hours.total.typical) : null,
    routes: planned.routes.length,
  };
  Object.assign(request.logFields, { from: question.query.from, to: question.query.to, ...log, planMs });
  return { response: routeAnswerToWire(planned, options), log };
}

/** The answer as sent: JSON through the route's own serializer, GeoJSON and CSV built by the export mappers. */
function serialise(reply: FastifyReply, response: RouteResponse, options: RouteAnswerOptions): string {
  if (options.format !== 'json') return exportText(response, options.format);
  const json = options.geometry === 'polyline' ? withPolylineGeometry(response) : response;
  // The route's own 200 serializer: the same bytes fastify would write for the object.
  return reply.serializeInput(json, '200', 'application/json') as string;
}

/** Planning errors fixed by the question and the data set, so kept like answers. */
const CACHED_ERRORS: ReadonlySet<DomainErrorCode> = new Set(['NO_ROUTE', 'INVALID_CONSTRAINT']);


/**
 * Answers a question: from the cache when it was asked before on this data
 * set (in any spelling that resolves the same), else planned, serialised
 * with the route's own response serializer and kept. Without a cache the
 * answer object goes to fastify as before.
 */
async function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  req: RouteRequest,
  deps: RouteDeps,
  cache: LruCache<RouteCacheEntry> | null,
  rawUrls: LruCache<RawUrlEntry> | null = null,
): Promise<RouteResponse | FastifyReply> {
  // Logged even when planning fails, so a NO_ROUTE line still says what was asked.
  Object.assign(request.logFields, { from: req.from, to: req.to, objective: req.objective });
  const ask = routeAsk(req);
  // Unknown places, then an unknown scenario (404), before anything is planned.
  const question = routeQuestion(deps.planning, ask.query, ask.options);
  const { query, scenario } = question;
  const options: RouteAnswerOptions = {
    scenario: scenario?.id ?? null,
    overlays: question.overlays,
    cargoTonnes: question.cargo.tonnes,
    cargo: question.cargo,
    explain: question.explain,
    format: chooseFormat(req.format, request.headers.accept, ['json', 'geojson', 'csv']),
    geometry: req.geometry,
    coordinateMatches: coordinateMatches(req, deps.places),
  };
  if (scenario) request.logFields.scenario = scenario.id;
  // The format follows the Accept header when `format` is absent: shared caches must key on it.
  varyOnAccept(reply);
  if (cache === null) {
    const { response } = render(request, question, options, deps);
    if (options.format === 'json' && options.geometry === 'geojson') return response;
    if (options.format !== 'json') reply.header('content-disposition', exportDisposition(response, options.format));
    return reply.type(CONTENT_TYPES[options.format]).send(serialise(reply, response, options));
  }

  const key = routeCacheKey(deps.prepared.network.parameters.dataVersion, query, options);
  let entry = cache.get(key);
  // Second tier, shared by the replicas (REDIS_URL): a miss, an error or a slow read plans as without it.
  const shared = entry === undefined && deps.fleet ? await deps.fleet.answers.get(key) : undefined;
  if (shared !== undefined) {
    entry = shared;
    cache.set(key, entry);
    request.logFields.cache = 'shared';
    Object.assign(request.logFields, { from: query.from, to: query.to, ...entry.log });
  } else if (entry === undefined) {
    request.logFields.cache = 'miss';
    try {
      const { response, log } = render(request, question, options, deps);
      // Kept as UTF-8 bytes: a hit then needs no encoding or length count of a 2–110 KB string
      // (about a fifth of the service's CPU per hit when kept as a string), and takes half the memory.
      const body = Buffer.from(serialise(reply, response, options), 'utf8');
      entry = {
        kind: 'answer',
        body,
        contentType: CONTENT_TYPES[options.format],
        log,
        ...(options.format === 'json' ? {} : { disposition: exportDisposition(response, options.format) }),
      };
      deps.fleet?.answers.set(key, entry);
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
  if (entry.disposition !== undefined) reply.header('content-disposition', entry.disposition);
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
    'Every route as CSV (format=csv or Accept: text/csv), route 1 first: a header row; per route a row for each item that takes time, in travel order ' +
    '(`kind` leg, border-dwell, gauge-change or transfer; `component` the part of hoursByComponent it counts in), a `component` row per component ' +
    'and a `total` row (transitHours, km, CO2). Hours in low / typical / high; the item rows add up to the total row up to the 0.1 h rounding of each. ' +
    'CRLF line ends, fields quoted when needed, corridors separated by semicolons. Sent as a download (Content-Disposition: attachment; filename="route-<from>-<to>.csv").',
  example:
    `${CSV_COLUMNS.join(',')}\r\n` +
    '1,leg,running,1,almaty--almaty-bypass-junction,almaty,Almaty,KZ,almaty-bypass-junction,Almaty bypass west junction,KZ,rail,34,0.5,0.9,0.9,1520,operational,,0,rail-electric,true,\r\n' +
    '1,component,running,,,,,,,,,,,118.3,168.9,266.8,,,,,,,\r\n' +
    '1,total,,,,almaty,Almaty,KZ,kiamari,Kiamari,PK,,5524.6,140.4,205.4,487.6,,,ashgabat-agreement;lapis-lazuli;kz-tm-af-pk;nstc;eco-iti;cpec,129.3,,,5.8 / 8.6 / 20.3 days; countries KZ UZ TM IR PK\r\n',
});

export const routesRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
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
      'application/geo+json': { schema: RouteFeatureCollectionSchema },
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
