/**
 * GET and POST /v1/routes: plan routes between two places. Both forms map to
 * the same question of the planning use case (domain/planning/answer.ts) and
 * give the same answer; POST exists for long avoid lists and for clients that
 * prefer a JSON body. Answers are kept by the answer cache
 * (route-answer-cache.ts); the wire answer is built by mappers/route-answer.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerRoute, routeQuestion, type RouteQuestion } from '../../domain/planning/answer.js';
import { planningNetwork } from '../../domain/planning/planning-network.js';
import type { RouteDeps } from '../deps.js';
import { coordinateMatches, queryToRequest, routeAsk, type RouteRequest } from '../mappers/route-request.js';
import { exportDisposition, exportText, routeAnswerToWire, withPolylineGeometry } from '../mappers/route-answer.js';
import {
  RouteAnswerCache,
  routeCacheKey,
  sendKept,
  varyOnAccept,
  type RouteAnswerLog,
  type RouteAnswerOptions,
} from '../route-answer-cache.js';
import { round1 } from '../mappers/route-to-wire.js';
import { GET_ROUTES_PROBLEMS, POST_ROUTES_PROBLEMS, ROUTES_DESCRIPTION, ROUTES_SUCCESS_RESPONSE } from '../schemas/route-docs.js';
import { RouteQuerySchema } from '../schemas/route-query.js';
import { RouteRequestSchema } from '../schemas/route-request.js';
import type { RouteResponse } from '../schemas/route-response.js';
import { chooseFormat, CONTENT_TYPES } from '../mappers/format.js';
import { etaRequest, routesEta } from '../mappers/route-eta.js';

/**
 * Plans a resolved question and renders it as the wire answer; also fills the
 * log line. With workers, a question without request overlays is planned in
 * one (those prepare a network of their own, here).
 */
async function render(
  request: FastifyRequest,
  question: RouteQuestion,
  options: RouteAnswerOptions,
  deps: RouteDeps,
): Promise<{ response: RouteResponse; log: RouteAnswerLog }> {
  const started = performance.now();
  const pool = deps.pool;
  const planned =
    pool !== null && question.overlays.length === 0
      ? { question, network: planningNetwork(deps.scenarios, question.scenario, [], question.asOf), ...(await pool.route(question, deps.config.planBudget)) }
      : answerRoute(deps.planning, question);
  const planMs = round1(performance.now() - started);
  const best = planned.routes[0];
  const log: RouteAnswerLog = {
    km: best ? round1(best.distanceKm) : null,
    hours: best ? round1(best.hours.total.typical) : null,
    routes: planned.routes.length,
  };
  Object.assign(request.logFields, { from: question.query.from, to: question.query.to, ...log, planMs });
  const response = routeAnswerToWire(planned, options);
  if (options.eta) {
    const etas = routesEta(planned.routes, planned.network.prepared.network, deps.calendars, options.eta);
    response.routes.forEach((r, i) => Object.assign(r, { eta: etas[i] }));
  }
  return { response, log };
}

/** The answer as sent: JSON through the route's own serializer, GeoJSON and CSV built by the export mappers. */
function serialise(reply: FastifyReply, response: RouteResponse, options: RouteAnswerOptions): string {
  if (options.format !== 'json') return exportText(response, options.format);
  const json = options.geometry === 'polyline' ? withPolylineGeometry(response) : response;
  // The route's own 200 serializer: the same bytes fastify would write for the object.
  return reply.serializeInput(json, '200', 'application/json') as string;
}

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
  cache: RouteAnswerCache | null,
): Promise<RouteResponse | FastifyReply> {
  // Logged even when planning fails, so a NO_ROUTE line still says what was asked.
  Object.assign(request.logFields, { from: req.from, to: req.to, objective: req.objective });
  const ask = routeAsk(req);
  // Unknown places, then an unknown scenario (404), before anything is planned.
  const question = routeQuestion(deps.planning, ask.query, ask.options);
  const { query, scenario } = question;
  const options: RouteAnswerOptions = {
    format: chooseFormat(req.format, request.headers.accept, ['json', 'geojson', 'csv']),
    geometry: req.geometry,
    coordinateMatches: coordinateMatches(req, deps.places),
    eta: etaRequest(req),
  };
  if (scenario) request.logFields.scenario = scenario.id;
  // The format follows the Accept header when `format` is absent: shared caches must key on it.
  varyOnAccept(reply);
  if (cache === null) {
    const { response } = await render(request, question, options, deps);
    if (options.format === 'json' && options.geometry === 'geojson') return response;
    if (options.format !== 'json') reply.header('content-disposition', exportDisposition(response, options.format));
    return reply.type(CONTENT_TYPES[options.format]).send(serialise(reply, response, options));
  }

  const key = routeCacheKey(deps.prepared.network.parameters.dataVersion, question, options);
  const entry = await cache.answer(request, key, async () => {
    const { response, log } = await render(request, question, options, deps);
    return {
      // Kept as UTF-8 bytes: a hit then needs no encoding or length count of a 2–110 KB string
      // (about a fifth of the service's CPU per hit when kept as a string), and takes half the memory.
      body: Buffer.from(serialise(reply, response, options), 'utf8'),
      contentType: CONTENT_TYPES[options.format],
      log,
      ...(options.format === 'json' ? {} : { disposition: exportDisposition(response, options.format) }),
    };
  });
  Object.assign(request.logFields, { from: query.from, to: query.to });
  // Exactly the fields a hit logs here, in the same order.
  const log = { from: query.from, to: query.to, objective: req.objective, ...(scenario ? { scenario: scenario.id } : {}), cache: 'hit', ...entry.log };
  cache.rememberUrl(request, key, log);
  return sendKept(reply, entry);
}

export const routesRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  // GET and POST share the app's cache (same question, same answer).
  const cache = deps.answerCache;

  app.get(
    '/v1/routes',
    {
      ...(cache !== null ? { preValidation: cache.rawUrlHit } : {}),
      schema: {
        operationId: 'getRoutes',
        tags: ['routes'],
        summary: 'Plan routes (query string)',
        description: `${ROUTES_DESCRIPTION} Lists (include, modes, via, avoid…) are comma-separated.`,
        querystring: RouteQuerySchema,
        response: { 200: ROUTES_SUCCESS_RESPONSE, ...GET_ROUTES_PROBLEMS },
      },
    },
    async (request, reply) => answer(request, reply, queryToRequest(request.query), deps, cache),
  );

  app.post(
    '/v1/routes',
    {
      schema: {
        operationId: 'postRoutes',
        tags: ['routes'],
        summary: 'Plan routes (JSON body)',
        description: `${ROUTES_DESCRIPTION} Same parameters and answer as GET /v1/routes, with JSON arrays for the lists.`,
        body: RouteRequestSchema,
        response: { 200: ROUTES_SUCCESS_RESPONSE, ...POST_ROUTES_PROBLEMS },
      },
    },
    async (request, reply) => answer(request, reply, request.body, deps, cache),
  );
};
