/**
 * POST /v1/matrix: km, typical hours and crossings between every source and
 * every target, one single-source search per source. With PLAN_WORKERS > 0
 * the searches run in a worker thread (workers/planning-pool.ts); otherwise one
 * at a time with a yield to the event loop between them, so a large matrix
 * does not hold up other requests for its whole duration.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { matrixQuestion, matrixSteps } from '../../domain/planning/answer-views.js';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import type { RouteDeps } from '../deps.js';
import { matrixToWire } from '../mappers/matrix-to-wire.js';
import { planningMonthOf } from '../schemas/as-of-fields.js';
import { runYielding } from '../run-yielding.js';
import { MatrixRequestSchema, MatrixResponseSchema, type MatrixResponse } from '../schemas/matrix.js';
import { INTERNAL_DOC, JSON_BODY_DOCS, problemResponses } from '../schemas/problem.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { WorkBudget } from '../../domain/graph/budget.js';
import { DEFAULT_QUERY } from '../../domain/routing/defaults.js';
import { addMatrixEta, etaRequest } from '../mappers/route-eta.js';

export const matrixRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  const pool = deps.pool;
  app.post(
    '/v1/matrix',
    {
      schema: {
        operationId: 'postMatrix',
        tags: ['planning'],
        summary: 'Travel-cost matrix',
        description:
          `Km, typical hours and borders crossed of the best route (by \`objective\`) from every source to every target, on today's network or a named scenario. ` +
          `At most ${PLANNING_LIMITS.maxMatrixSources} sources and ${PLANNING_LIMITS.maxMatrixTargets} targets. ` +
          'A cell is null when the target cannot be reached with the modes and statuses allowed.',
        body: MatrixRequestSchema,
        response: {
          200: { description: 'The matrix, rows = sources, columns = targets.', content: { 'application/json': { schema: MatrixResponseSchema } } },
          ...problemResponses('/v1/matrix', {
            VALIDATION_ERROR: {
              when: 'a member is missing or malformed, or a limit is exceeded; `errors` names every offending member',
              detail: '1 request parameter is invalid: sources.',
              extensions: { errors: [{ parameter: 'sources', message: `takes at most ${PLANNING_LIMITS.maxMatrixSources} items, got ${PLANNING_LIMITS.maxMatrixSources + 1}` }] },
            },
            MALFORMED_REQUEST: { when: 'the body is not valid JSON', detail: 'The request body is not valid JSON.' },
            UNKNOWN_PLACE: {
              when: 'a source or target matches no place; `errors` lists every one',
              detail: 'no place matches "Almatty"; did you mean "Almaty" (almaty)?',
              extensions: {
                parameter: 'sources[0]',
                value: 'Almatty',
                suggestions: [{ id: 'almaty', name: 'Almaty' }],
                errors: [
                  {
                    parameter: 'sources[0]',
                    value: 'Almatty',
                    message: 'no place matches "Almatty"; did you mean "Almaty" (almaty)?',
                    suggestions: [{ id: 'almaty', name: 'Almaty' }],
                  },
                ],
              },
            },
            NOT_FOUND: ROUTE_PROBLEM_DOCS.NOT_FOUND,
            ...JSON_BODY_DOCS,
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request): Promise<MatrixResponse> => {
      const b = request.body;
      const q = matrixQuestion(deps.planning, { ...b, asOf: planningMonthOf(b.asOf) });
      const scenarioId = q.scenario?.id ?? null;
      Object.assign(request.logFields, { sources: q.sources.length, targets: q.targets.length, scenario: scenarioId });
      // The workers hold today's network and the named scenarios; a network at a planning date is planned here.
      const dated = q.network.dated !== null && q.network.dated.opened.length > 0;
      const rows =
        pool !== null && !dated
          ? // Off the event loop; the worker holds the same data set and scenarios.
            await pool.matrix(scenarioId, q.sources, q.targets, q.options, deps.config.planBudget)
          : await runYielding(matrixSteps(deps.planning, q));
      const response = matrixToWire(deps.prepared, q, rows);
      const eta = etaRequest(b);
      if (eta) addMatrixEta(response, q.network.prepared, { ...DEFAULT_QUERY, ...q.options }, q.sources, q.targets, deps.calendars, eta, new WorkBudget(deps.config.planBudget));
      return response;
    },
  );
};
