/**
 * The planning use case: every question the service answers (routes,
 * compare, matrix, reachability, closure impact) goes through here, from the
 * question as asked (places as typed, a scenario id, overlays, cargo,
 * explain) to the answer in domain terms (routes with their emissions and
 * explanations, the network planned on with the overlays applied). The HTTP
 * routes and the command line only map their input to these functions and
 * the result to their output.
 *
 * Written once here for all questions: place resolution with suggestions
 * (place-refs.ts), the scenario → network → statuses step
 * (planning-network.ts), the cargo, and the work budget. The other questions
 * are in answer-views.ts.
 */
import type { BudgetLimits } from '../graph/budget.js';
import { resolveCargo, type Cargo, type CargoInput } from '../emissions/cargo.js';
import type { EmissionFactors } from '../emissions/emission-schema.js';
import { routeEmissions, type RouteEmissions } from '../emissions/route-emissions.js';
import type { PlaceIndex } from '../network/place-index.js';
import type { Route, RouteQuery } from '../routing/route-types.js';
import { validateQuery } from '../routing/validate-query.js';
import type { ScenarioRegistry } from '../scenarios/scenario-registry.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { explainRoutes, type RouteExplanation } from './explain.js';
import { DEFAULT_CARGO_TONNES } from './limits.js';
import { planRoutesOrDiagnose } from './no-route-diagnosis.js';
import { resolvePlaceRefs } from './place-refs.js';
import { planningNetwork, scenarioOf, uniqueStatuses, type PlanningNetwork } from './planning-network.js';

/** What every question is planned on: today's network and the scenarios (registry), the place index, the CO2 factors. */
export interface PlanningData {
  /** Its base is today's prepared network. */
  scenarios: ScenarioRegistry;
  places: PlaceIndex;
  emissionFactors: EmissionFactors;
  /** Work budget of one question; unlimited when absent (the command line). */
  budget?: BudgetLimits | undefined;
}

/** A route question's query as asked: place references as typed, not yet resolved to ids. */
export type RouteQueryInput = Omit<RouteQuery, 'from' | 'to' | 'via' | 'avoidPlaces'> & {
  from: string;
  to: string;
  via: readonly string[];
  avoidPlaces: readonly string[];
};

/** What besides the query shapes an answer: the network (scenario, overlays), the CO2 cargo, the explanations. */
export interface PlanningOptionsInput {
  scenario?: string | undefined;
  overlays?: readonly unknown[] | undefined;
  cargo?: CargoInput | undefined;
  explain?: boolean | undefined;
  /** Planning month YYYY-MM: plan on the network as its records expect it then (scenarios/network-at-date.ts); absent: today's. */
  asOf?: string | undefined;
}

/** A route question resolved: place ids, the scenario looked up, its statuses admitted, the cargo in tonnes. */
export interface RouteQuestion {
  query: RouteQuery;
  scenario: Scenario | undefined;
  /** Request overlays as validated, applied after the scenario's. */
  overlays: readonly unknown[];
  cargo: Cargo;
  explain: boolean;
  /** Planning month YYYY-MM; absent: today's network. */
  asOf?: string | undefined;
}

export interface RouteAnswer {
  question: RouteQuestion;
  /** The network planned on, with the overlays applied. */
  network: PlanningNetwork;
  /** Best first. */
  routes: Route[];
  /** Per route, for question.cargo. */
  emissions: RouteEmissions[];
  /** Per route when question.explain, else empty. */
  explanations: RouteExplanation[];
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The cargo the CO2 figures are for; none given: DEFAULT_CARGO_TONNES. */
export function cargoOf(data: PlanningData, cargo: CargoInput = {}): Cargo {
  return resolveCargo(cargo, data.emissionFactors.cargo, DEFAULT_CARGO_TONNES);
}

/**
 * Resolves a route question without planning it (cheap: an answer cache keys
 * on the result). Throws UNKNOWN_PLACE (every unknown place, with
 * suggestions), then NOT_FOUND for an unknown scenario, then
 * INVALID_CONSTRAINT for a cargo given two ways.
 */
export function routeQuestion(data: PlanningData, input: RouteQueryInput, options: PlanningOptionsInput = {}): RouteQuestion {
  const ids = resolvePlaceRefs(data.places, [
    { parameter: 'from', ref: input.from },
    { parameter: 'to', ref: input.to },
    ...input.via.map((ref) => ({ parameter: 'via', ref })),
    ...input.avoidPlaces.map((ref) => ({ parameter: 'avoidPlaces', ref })),
  ]);
  const scenario = scenarioOf(data.scenarios, options.scenario);
  const query: RouteQuery = {
    ...input,
    from: ids[0]!,
    to: ids[1]!,
    via: ids.slice(2, 2 + input.via.length),
    // Lists de-duplicated in the order asked (the answer echoes them so); country codes upper-cased.
    include: uniqueStatuses(input.include, scenario?.include ?? []),
    modes: unique(input.modes),
    avoidCountries: unique(input.avoidCountries.map((c) => c.toUpperCase())),
    avoidPlaces: unique(ids.slice(2 + input.via.length)),
    avoidCrossings: unique(input.avoidCrossings),
    avoidCorridors: unique(input.avoidCorridors),
    avoidLinks: unique(input.avoidLinks),
  };
  return { query, scenario, overlays: options.overlays ?? [], cargo: cargoOf(data, options.cargo), explain: options.explain ?? false, asOf: options.asOf };
}

/** Plans a resolved route question: routes best first (or NO_ROUTE with what would open one), with emissions and explanations. */
export function answerRoute(data: PlanningData, question: RouteQuestion): RouteAnswer {
  const network = planningNetwork(data.scenarios, question.scenario, question.overlays, question.asOf, data.budget?.deadlineMs);
  // Checked once, here: the places were resolved (with suggestions) by routeQuestion, from the places every network shares.
  const query = validateQuery(network.prepared.index, question.query, { placesResolved: true });
  return routeAnswerOf(data, question, network, planRoutesOrDiagnose(network.prepared, query, data.budget));
}

/** Routes planned on `network` for `question`, with their emissions and (when asked) explanations. */
export function routeAnswerOf(data: PlanningData, question: RouteQuestion, network: PlanningNetwork, routes: Route[]): RouteAnswer {
  return {
    question,
    network,
    routes,
    emissions: routes.map((r) => routeEmissions(r, network.prepared.network, data.emissionFactors, question.cargo.tonnes)),
    explanations: question.explain ? explainRoutes(routes, question.query.objective) : [],
  };
}
