/**
 * POST /v1/matrix: km, typical hours and crossings between every source and
 * every target, one single-source search per source. With PLAN_WORKERS > 0
 * the searches run in worker threads (workers/planning-pool.ts); otherwise one
 * at a time with a yield to the event loop between them, so a large matrix
 * does not hold up other requests for its whole duration.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WorkBudget } from '../../domain/graph/budget.js';
import { matrixRow } from '../../domain/planning/matrix.js';
import type { TravelCost } from '../../domain/routing/one-to-many.js';
import { PlanningPool } from '../../workers/planning-pool.js';
import { PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { DEFAULT_QUERY } from '../../domain/routing/defaults.js';
import type { AppDeps } from '../app.js';
import { resolvePlaces } from '../mappers/place-refs.js';
import { matrixToWire } from '../mappers/matrix-to-wire.js';
import { planningMonthOf } from '../schemas/as-of-fields.js';
import { asOfToWire } from '../mappers/as-of-to-wire.js';
import { planningNetwork, scenarioById, uniqueStatuses } from '../mappers/scenario-request.js';
import { MatrixRequestSchema, MatrixResponseSchema, type MatrixResponse } from '../schemas/matrix.js';
import { INTERNAL_DOC, JSON_BODY_DOCS, problemResponses } from '../schemas/problem.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { EMPTY_CALENDARS } from '../../domain/calendar/calendar-schema.js';
import { addMatrixEta, etaRequest } from '../mappers/route-eta.js';

export const matrixRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  // Matrices run in worker threads when PLAN_WORKERS > 0; the app is ready once every worker has loaded the data.
  const pool = deps.config.planWorkers > 0 ? new PlanningPool(deps.config.planWorkers, deps.config.dataDir) : null;
  if (pool !== null) {
    await pool.ready();
    app.addHook('onClose', async () => pool.close());
  }
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
      const ids = resolvePlaces(deps.places, [
        ...b.sources.map((ref, i) => ({ parameter: `sources[${i}]`, ref })),
        ...b.targets.map((ref, i) => ({ parameter: `targets[${i}]`, ref })),
      ]);
      const sources = ids.slice(0, b.sources.length);
      const targets = ids.slice(b.sources.length);
      const scenario = scenarioById(deps, b.scenario);
      const net = planningNetwork(deps, scenario?.id, [], planningMonthOf(b.asOf));
      const include = uniqueStatuses(b.include, net.include);
      const modes = [...new Set(b.modes)];
      const opts = { ...DEFAULT_QUERY, objective: b.objective, include, modes, allowUnscheduled: b.allowUnscheduled };
      Object.assign(request.logFields, { sources: sources.length, targets: targets.length, scenario: scenario?.id ?? null });
      let rows: (TravelCost | null)[][];
      // The workers hold today's network and the named scenarios; a network at a planning date is planned here.
      if (pool !== null && !(net.dated && net.dated.opened.length > 0)) {
        // Off the event loop; the worker holds the same data set and scenarios.
        rows = await pool.matrix(scenario?.id ?? null, sources, targets, opts, deps.config.planBudget);
      } else {
        // One budget for the whole matrix: its deadline bounds the request, not each row.
        const budget = new WorkBudget(deps.config.planBudget);
        rows = [];
        for (const [i, source] of sources.entries()) {
          if (i > 0) await nextTurn();
          rows.push(matrixRow(net.prepared, source, targets, opts, { budget }));
        }
      }
      const asOf = asOfToWire(net.dated, deps.prepared.network.parameters.dataDate);
      const response = matrixToWire(deps, { sources, targets, objective: b.objective, scenario, include, modes, rows, asOf });
      const eta = etaRequest(b);
      if (eta) addMatrixEta(response, net.prepared, opts, sources, targets, deps.calendars ?? EMPTY_CALENDARS, eta, new WorkBudget(deps.config.planBudget));
      return response;
    },
  );
};
