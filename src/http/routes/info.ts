/** GET /v1/info: service version, data-set version and size, accepted values and limits. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COORDINATE_SNAP_KM } from '../../domain/network/place-index.js';
import { LinkStatusSchema } from '../../domain/network/schema.js';
import { DEFAULT_QUERY, LIMITS } from '../../domain/routing/defaults.js';
import type { RouteDeps } from '../deps.js';
import { INTERNAL_DOC, problemResponses } from '../schemas/problem.js';
import { InfoSchema, type Info } from '../schemas/info.js';
import { INCLUDABLE_STATUSES, MODES, OBJECTIVES } from '../schemas/route-fields.js';
import { SERVICE } from '../service-info.js';
import { citationsToWire } from '../mappers/source-to-wire.js';
import { DEFAULT_CARGO_TONNES, PLANNING_LIMITS } from '../../domain/planning/limits.js';
import { MAX_COMPARE_SCENARIOS } from '../schemas/compare.js';
import { FORMATS } from '../schemas/planning-fields.js';

export function buildInfo(deps: RouteDeps): Info {
  const { network } = deps;
  return {
    service: { name: SERVICE.name, version: SERVICE.version },
    dataVersion: network.parameters.dataVersion,
    dataDate: network.parameters.dataDate,
    counts: {
      places: network.places.length,
      links: network.links.length,
      crossings: network.crossings.length,
      corridors: network.corridors.length,
      countries: new Set(network.places.map((p) => p.country)).size,
    },
    objectives: [...OBJECTIVES],
    statuses: [...LinkStatusSchema.options],
    includableStatuses: [...INCLUDABLE_STATUSES],
    modes: [...MODES],
    defaults: {
      objective: DEFAULT_QUERY.objective,
      include: [...DEFAULT_QUERY.include],
      modes: [...DEFAULT_QUERY.modes],
      alternatives: DEFAULT_QUERY.alternatives,
      maxOverlap: DEFAULT_QUERY.maxOverlap,
      cargoTonnes: DEFAULT_CARGO_TONNES,
      tonnesPerTeu: deps.emissionFactors.cargo.defaultTonnesPerTeu,
      tonnesPerTeuSource: {
        basis: deps.emissionFactors.cargo.provenance.basis,
        ...(deps.emissionFactors.cargo.provenance.method ? { method: deps.emissionFactors.cargo.provenance.method } : {}),
        sources: citationsToWire(new Map(deps.network.sources.map((e) => [e.id, e])), deps.emissionFactors.cargo.sources),
      },
    },
    scenarios: deps.scenarios.list().map((s) => s.id),
    formats: [...FORMATS],
    limits: {
      maxAlternatives: LIMITS.maxAlternatives,
      maxVia: LIMITS.maxVia,
      maxRequestOverlays: PLANNING_LIMITS.maxRequestOverlays,
      maxCargoTonnes: PLANNING_LIMITS.maxCargoTonnes,
      maxMatrixSources: PLANNING_LIMITS.maxMatrixSources,
      maxMatrixTargets: PLANNING_LIMITS.maxMatrixTargets,
      maxReachabilityHours: PLANNING_LIMITS.maxReachabilityHours,
      maxCompareScenarios: MAX_COMPARE_SCENARIOS,
      maxCargoTeu: PLANNING_LIMITS.maxCargoTeu,
      maxTonnesPerTeu: PLANNING_LIMITS.maxTonnesPerTeu,
      maxResilienceElements: PLANNING_LIMITS.maxResilienceElements,
      maxResilienceLanes: PLANNING_LIMITS.maxResilienceLanes,
      maxResilienceTotalElements: PLANNING_LIMITS.maxResilienceTotalElements,
      coordinateSnapKm: COORDINATE_SNAP_KM,
      planDeadlineMs: deps.config.planBudget.deadlineMs,
      planMaxSettledNodes: deps.config.planBudget.maxSettledNodes,
      planMaxSpurSearches: deps.config.planBudget.maxSpurSearches,
    },
  };
}

export const infoRoutes: FastifyPluginAsyncZod<{ deps: RouteDeps }> = async (app, { deps }) => {
  // The network does not change while the process runs: compute the answer once.
  const info = buildInfo(deps);
  app.get(
    '/v1/info',
    {
      schema: {
        operationId: 'getInfo',
        tags: ['info'],
        summary: 'Service and data-set information',
        description:
          'Service version, version and date of the data set, network size, the values `objective`, `include` and `modes` accept, ' +
          'the defaults and the limits of /v1/routes.',
        response: {
          200: { description: 'Service and data-set facts.', content: { 'application/json': { schema: InfoSchema } } },
          ...problemResponses('/v1/info', { INTERNAL: INTERNAL_DOC }),
        },
      },
    },
    async () => info,
  );
};
