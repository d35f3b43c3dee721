/** GET /v1/compare: the best route today and under each named scenario, side by side. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerCompare } from '../../domain/planning/answer-views.js';
import type { RouteDeps } from '../deps.js';
import { compareAsk } from '../mappers/compare-request.js';
import { compareToWire } from '../mappers/compare-to-wire.js';
import { CompareQuerySchema, CompareResponseSchema, type CompareResponse } from '../schemas/compare.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { addCompareEta, etaRequest } from '../mappers/route-eta.js';

const EXAMPLE_URL = '/v1/compare?from=Almaty&to=Karachi&scenarios=kz-tm-af-pk-built';

export const compareRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  app.get(
    '/v1/compare',
    {
      schema: {
        operationId: 'compareScenarios',
        tags: ['planning'],
        summary: 'Compare today with scenarios',
        description:
          'The best route between two places on today\'s network and under each named scenario (all of them unless `scenarios` names some), ' +
          'side by side: km, typical and high days, border crossings, gauge breaks, corridors and CO2, with each scenario\'s differences to today. ' +
          'Where a scenario (or today) has no route, its `route` is null and `reason` says why. ' +
          'With `asOf=now,2028-01,2031-01` the lane is also shown at each planning month (`dates`): the network as its records expect it then, ' +
          'with the differences to today and the records on the route counted open by the date.',
        querystring: CompareQuerySchema,
        response: {
          200: { description: 'Today and each scenario.', content: { 'application/json': { schema: CompareResponseSchema } } },
          ...problemResponses(EXAMPLE_URL, {
            VALIDATION_ERROR: {
              when: 'a parameter is missing or malformed, or a limit is exceeded; `errors` names every offending parameter',
              detail: '1 request parameter is invalid: cargoTonnes.',
              extensions: { errors: [{ parameter: 'cargoTonnes', message: 'must be more than 0, got "0"' }] },
            },
            INVALID_CONSTRAINT: {
              when: 'from and to are the same place',
              detail: 'from and to are the same place "almaty"',
              extensions: { parameter: 'to', value: 'almaty' },
            },
            UNKNOWN_PLACE: ROUTE_PROBLEM_DOCS.UNKNOWN_PLACE,
            NOT_FOUND: ROUTE_PROBLEM_DOCS.NOT_FOUND,
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request): Promise<CompareResponse> => {
      const c = answerCompare(deps.planning, compareAsk(request.query));
      Object.assign(request.logFields, { from: c.query.from, to: c.query.to, objective: c.query.objective, scenarios: c.scenarioIds.length });
      const response = compareToWire(deps.prepared, c);
      const eta = etaRequest(request.query);
      if (eta) {
        const networkOf = (id: string | null) => (id === null ? deps.prepared.network : deps.scenarios.networkFor(id).prepared.network);
        addCompareEta(response, c.comparison, networkOf, deps.calendars, eta);
      }
      return response;
    },
  );
};
