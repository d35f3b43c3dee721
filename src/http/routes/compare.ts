/** GET /v1/compare: the best route today and under each named scenario, side by side. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WorkBudget } from '../../domain/graph/budget.js';
import { compareScenarios, type Outcome } from '../../domain/planning/compare.js';
import { DEFAULT_QUERY } from '../../domain/routing/defaults.js';
import type { RouteQuery } from '../../domain/routing/route-types.js';
import type { AppDeps } from '../app.js';
import { resolvePlaces } from '../mappers/place-refs.js';
import { hoursToDays, round1, roundHours, WireNames } from '../mappers/route-to-wire.js';
import { CompareQuerySchema, CompareResponseSchema, type CompareResponse, type CompareRoute } from '../schemas/compare.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ROUTE_PROBLEM_DOCS } from '../schemas/route-examples.js';
import { splitList } from '../schemas/route-query.js';
import type { ModeSchema } from '../schemas/route-fields.js';
import type { z } from 'zod';

const EXAMPLE_URL = '/v1/compare?from=Almaty&to=Karachi&scenarios=kz-tm-af-pk-built';

function routeFigures(o: Outcome, names: WireNames): CompareRoute | null {
  const r = o.route;
  if (!r || !o.emissions) return null;
  return {
    distanceKm: round1(r.distanceKm),
    transitHours: roundHours(r.hours.total),
    transitDays: hoursToDays(r.hours.total),
    crossings: r.crossings.length,
    crossingIds: r.crossings.map((c) => c.crossingId),
    gaugeBreaks: r.gaugeBreaks.length,
    countries: [...r.countries],
    corridors: r.corridors.map((c) => ({ id: c.id, name: names.corridorName(c.id), km: round1(c.km) })),
    kgCo2e: round1(o.emissions.totalKgCo2e),
    co2Scope: o.emissions.scope as 'TTW' | 'WTW',
    places: r.places.map((id) => names.place(id)),
  };
}

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
          'Where a scenario (or today) has no route, its `route` is null and `reason` says why.',
        querystring: CompareQuerySchema,
        response: {
          200: { description: 'Today and each scenario.', content: { 'application/json': { schema: CompareResponseSchema } } },
          ...problemResponses(EXAMPLE_URL, {
            VALIDATION_ERROR: {
              when: 'a parameter is missing or malformed, or a limit is exceeded; `errors` names every offending parameter',
              detail: '1 request parameter is invalid: cargoTonnes.',
              extensions: { errors: [{ parameter: 'cargoTonnes', message: 'Too small: expected number to be >0' }] },
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
      const ids = q.scenarios === undefined ? deps.scenarios.list().map((s) => s.id) : [...new Set(splitList(q.scenarios))];
      const modes = [...new Set(splitList(q.modes))] as z.output<typeof ModeSchema>[];
      const query: RouteQuery = { ...DEFAULT_QUERY, from, to, objective: q.objective, modes };
      Object.assign(request.logFields, { from, to, objective: q.objective, scenarios: ids.length });
      const c = compareScenarios(deps.scenarios, query, ids, {
        factors: deps.emissionFactors,
        cargoTonnes: q.cargoTonnes,
        budget: new WorkBudget(deps.config.planBudget),
      });
      const names = new WireNames(deps.prepared.index);
      return {
        query: { from: names.place(from), to: names.place(to), objective: q.objective, modes, cargoTonnes: q.cargoTonnes, scenarios: ids },
        dataVersion: deps.prepared.network.parameters.dataVersion,
        today: { route: routeFigures(c.today, names), reason: c.today.reason },
        scenarios: c.scenarios.map((o) => {
          const s = deps.scenarios.get(o.scenarioId);
          const d = o.differences;
          return {
            scenario: { id: s.id, name: s.name },
            route: routeFigures(o, names),
            reason: o.reason,
            differences:
              d === null
                ? null
                : {
                    distanceKm: round1(d.km),
                    typicalDays: round1(d.typicalHours / 24),
                    highDays: round1(d.highHours / 24),
                    typicalHours: round1(d.typicalHours),
                    highHours: round1(d.highHours),
                    crossings: d.crossings,
                    gaugeBreaks: d.gaugeBreaks,
                    kgCo2e: round1(d.kgCo2e),
                  },
            differencesReason: o.differencesReason,
          };
        }),
      };
    },
  );
};
