/** GET /v1/scenarios and GET /v1/scenarios/{id}: the named planning scenarios, with what each changes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.js';
import type { Scenario } from '../../domain/scenarios/scenario-schema.js';
import type { RouteDeps } from '../deps.js';
import { citationsToWire } from '../mappers/source-to-wire.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { ScenarioListSchema, ScenarioParamsSchema, ScenarioSchema, type WireScenario } from '../schemas/scenario.js';

const TAG = 'scenarios';

function scenarioToWire(deps: RouteDeps, s: Scenario): WireScenario {
  // Its applied overlays say what the scenario does to today's network (applied, not prepared: listing every
  // scenario must not prepare every scenario's network).
  const applied = deps.scenarios.applied(s.id);
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    include: [...(s.include ?? [])],
    overlays: applied.map((a) => ({ index: a.index, kind: a.kind, summary: a.summary, linkIds: [...a.linkIds], crossingIds: [...a.crossingIds] })),
    sources: citationsToWire(deps.prepared.index.sourceById, s.sources),
  };
}

export const scenariosRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  app.get(
    '/v1/scenarios',
    {
      schema: {
        operationId: 'listScenarios',
        tags: [TAG],
        summary: 'List the named scenarios',
        description:
          'The named "what if" scenarios (data/scenarios): lines built, crossings opened or closed. Each lists its overlays with what they change ' +
          'on today\'s network, and its sources. Pass an id as `scenario` to /v1/routes, /v1/matrix or /v1/reachability, or as `scenarios` to /v1/compare.',
        response: {
          200: { description: 'Every named scenario.', content: { 'application/json': { schema: ScenarioListSchema } } },
          ...problemResponses('/v1/scenarios', { INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async () => ({
      dataVersion: deps.prepared.network.parameters.dataVersion,
      scenarios: deps.scenarios.list().map((s) => scenarioToWire(deps, s)),
    }),
  );

  app.get(
    '/v1/scenarios/:id',
    {
      schema: {
        operationId: 'getScenario',
        tags: [TAG],
        summary: 'One named scenario',
        description: 'A named scenario by id: description, overlays with what they change on today\'s network, and sources.',
        params: ScenarioParamsSchema,
        response: {
          200: { description: 'The scenario.', content: { 'application/json': { schema: ScenarioSchema } } },
          ...problemResponses('/v1/scenarios/kz-af-built', {
            VALIDATION_ERROR: {
              when: 'the id is not a well-formed id',
              detail: '1 request parameter is invalid: id.',
              extensions: { errors: [{ parameter: 'id', message: 'expected a scenario id such as "kz-tm-af-pk-built"' }] },
            },
            NOT_FOUND: {
              when: 'no scenario has this id; `known` lists the ids',
              detail: 'unknown scenario "kz-af-built"',
              extensions: {
                parameter: 'id',
                value: 'kz-af-built',
                known: ['chabahar-zahedan-open', 'chaman-closed', 'khaf-herat-complete', 'kz-tm-af-pk-built', 'rasht-astara-built', 'trans-afghan-built'],
              },
            },
            INTERNAL: INTERNAL_DOC,
          }),
        },
      },
    },
    async (request) => {
      const s = deps.scenarios.list().find((x) => x.id === request.params.id);
      if (!s) {
        const known = deps.scenarios.list().map((x) => x.id);
        throw new DomainError('NOT_FOUND', `unknown scenario "${request.params.id}"`, { field: 'id', value: request.params.id, known });
      }
      return scenarioToWire(deps, s);
    },
  );
};
