/** GET /v1/compare: the best route today and under each named scenario, side by side. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveCargo } from '../../domain/emissions/cargo.js';
import { WorkBudget } from '../../domain/graph/budget.js';
import { compareScenarios } from '../../domain/planning/compare.js';
import { compareDates } from '../../domain/planning/compare-dates.js';
import { DEFAULT_CARGO_TONNES } from '../../domain/planning/limits.js';
import { DEFAULT_QUERY } from '../../domain/routing/defaults.js';
import type { RouteQuery } from '../../domain/routing/route-types.js';
import type { AppDeps } from '../app.js';
import { resolvePlaces } from '../mappers/place-refs.js';
import { compareToWire } from '../mappers/compare-to-wire.js';
import { CompareQuerySchema, CompareResponseSchema, type CompareResponse } from '../schemas/compare.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { splitList } from '../schemas/route-query.js';
import type { ModeSchema } from '../schemas/route-fields.js';
import type { z } from 'zod';
import { EMPTY_CALENDARS } from '../../domain/calendar/calendar-schema.js';
import { addCompareEta, etaRequest } from '../mappers/route-eta.js';

const EXAMPLE_URL = '/v1/compare?from=Almaty&to=Karachi&scenarios=kz-tm-af-pk-built';

export const compareRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
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
      const q = request.query;
      const [from, to] = resolvePlaces(deps.places, [
        { parameter: 'from', ref: q.from },
        { parameter: 'to', ref: q.to },
      ]) as [string, string];
      const asOfs = [...new Set(splitList(q.asOf))];
      // Compared by date, the lane is compared with the scenarios named, none by default.
      const ids =
        q.scenarios === undefined ? (asOfs.length > 0 ? [] : deps.scenarios.list().map((s) => s.id)) : [...new Set(splitList(q.scenarios))];
      const modes = [...new Set(splitList(q.modes))] as z.output<typeof ModeSchema>[];
      const query: RouteQuery = { ...DEFAULT_QUERY, from, to, objective: q.objective, modes };
      Object.assign(request.logFields, { from, to, objective: q.objective, scenarios: ids.length });
      const cargo = resolveCargo(
        { tonnes: q.cargoTonnes, teu: q.cargoTeu, feu: q.cargoFeu, tonnesPerTeu: q.tonnesPerTeu },
        deps.emissionFactors.cargo,
        DEFAULT_CARGO_TONNES,
      );
      const opts = { factors: deps.emissionFactors, cargoTonnes: cargo.tonnes, budget: new WorkBudget(deps.config.planBudget) };
      const c = compareScenarios(deps.scenarios, query, ids, opts);
      const dates = compareDates(deps.scenarios, query, asOfs, c.today, opts);
      const response = compareToWire(deps, c, { from, to, objective: q.objective, modes, cargoTonnes: cargo.tonnes, scenarios: ids, asOf: asOfs }, dates);
      const eta = etaRequest(q);
      if (eta) {
        const networkOf = (id: string | null) => (id === null ? deps.prepared.network : deps.scenarios.networkFor(id).prepared.network);
        addCompareEta(response, c, networkOf, deps.calendars ?? EMPTY_CALENDARS, eta);
      }
      return response;
    },
  );
};
