/**
 * The planning use case for the questions besides routes (see answer.ts):
 * today against scenarios, travel-cost matrices, reachability within a time
 * budget and closure impact. Each resolves its places (with suggestions) and
 * its network through the same steps as a route question.
 */
import { compareDates, type DateOutcome } from './compare-dates.js';
import { WorkBudget } from '../graph/budget.js';
import type { Cargo, CargoInput } from '../emissions/cargo.js';
import { DEFAULT_QUERY } from '../routing/defaults.js';
import type { TravelCost, TravelCostOptions } from '../routing/one-to-many.js';
import type { Objective, RouteQuery } from '../routing/route-types.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { cargoOf, routeQuestion, type PlanningData, type RouteQueryInput } from './answer.js';
import { compareScenarios, type Comparison } from './compare.js';
import { PLANNING_LIMITS } from './limits.js';
import { matrixRow } from './matrix.js';
import { resolvePlaceRefs } from './place-refs.js';
import { planningNetwork, scenarioOf, uniqueStatuses, type ExtraStatus, type PlanningNetwork } from './planning-network.js';
import { reachableWithin, type Reachable } from './reachability.js';
import { laneResilienceSteps, resilienceMatrixSteps, type LaneResilience, type ResilienceMatrix } from './resilience.js';

type Mode = RouteQuery['modes'][number];

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

const budgetOf = (data: PlanningData): WorkBudget | undefined => (data.budget === undefined ? undefined : new WorkBudget(data.budget));

export interface CompareInput {
  from: string;
  to: string;
  /** Scenario ids; absent: every named scenario. */
  scenarios?: readonly string[] | undefined;
  objective: Objective;
  modes: readonly Mode[];
  cargo?: CargoInput | undefined;
  /** Planning months to compare the lane across ("now" or YYYY-MM); absent or empty: none. */
  asOfs?: readonly string[] | undefined;
}

export interface CompareAnswer {
  query: RouteQuery;
  scenarioIds: string[];
  cargo: Cargo;
  comparison: Comparison;
  /** The months compared, in order asked, each once. */
  asOfs: string[];
  /** The lane at each of asOfs. */
  dates: DateOutcome[];
}

/** Today's best route against each scenario's. Throws UNKNOWN_PLACE, then NOT_FOUND for an unknown scenario before planning. */
export function answerCompare(data: PlanningData, input: CompareInput): CompareAnswer {
  const [from, to] = resolvePlaceRefs(data.places, [
    { parameter: 'from', ref: input.from },
    { parameter: 'to', ref: input.to },
  ]) as [string, string];
  const asOfs = unique(input.asOfs ?? []);
  // Compared by date, the lane is compared with the scenarios named, none by default.
  const scenarioIds =
    input.scenarios === undefined ? (asOfs.length > 0 ? [] : data.scenarios.list().map((s) => s.id)) : unique(input.scenarios);
  const query: RouteQuery = { ...DEFAULT_QUERY, from, to, objective: input.objective, modes: unique(input.modes) };
  const cargo = cargoOf(data, input.cargo);
  const budget = budgetOf(data);
  const opts = { factors: data.emissionFactors, cargoTonnes: cargo.tonnes, ...(budget ? { budget } : {}) };
  const comparison = compareScenarios(data.scenarios, query, scenarioIds, opts);
  const dates = compareDates(data.scenarios, query, asOfs, comparison.today, opts);
  return { query, scenarioIds, cargo, comparison, asOfs, dates };
}

/** The network filters shared by the one-to-many questions (matrix, reachability). */
export interface TravelCostInput {
  objective: Objective;
  scenario?: string | undefined;
  include: readonly ExtraStatus[];
  modes: readonly Mode[];
  allowUnscheduled?: boolean | undefined;
  /** Planning month YYYY-MM; absent: today's network. */
  asOf?: string | undefined;
}

export interface TravelCostQuestion {
  scenario: Scenario | undefined;
  network: PlanningNetwork;
  /** The statuses asked for and the scenario's. */
  include: ExtraStatus[];
  modes: Mode[];
  options: TravelCostOptions;
}

function travelCostQuestion(data: PlanningData, input: TravelCostInput): TravelCostQuestion {
  const scenario = scenarioOf(data.scenarios, input.scenario);
  const network = planningNetwork(data.scenarios, scenario, [], input.asOf);
  const include = uniqueStatuses(input.include, network.include);
  const modes = unique(input.modes);
  const options: TravelCostOptions = {
    ...DEFAULT_QUERY,
    objective: input.objective,
    include,
    modes,
    allowUnscheduled: input.allowUnscheduled ?? DEFAULT_QUERY.allowUnscheduled,
  };
  return { scenario, network, include, modes, options };
}

export interface MatrixInput extends TravelCostInput {
  sources: readonly string[];
  targets: readonly string[];
}

export interface MatrixQuestion extends TravelCostQuestion {
  sources: string[];
  targets: string[];
}

/** Resolves a matrix question (every unknown source and target at once, then the scenario) without planning it. */
export function matrixQuestion(data: PlanningData, input: MatrixInput): MatrixQuestion {
  const ids = resolvePlaceRefs(data.places, [
    ...input.sources.map((ref, i) => ({ parameter: `sources[${i}]`, ref })),
    ...input.targets.map((ref, i) => ({ parameter: `targets[${i}]`, ref })),
  ]);
  return { ...travelCostQuestion(data, input), sources: ids.slice(0, input.sources.length), targets: ids.slice(input.sources.length) };
}

/**
 * The matrix rows, one single-source search each; the generator yields
 * between rows, so a caller can let other work run in between. One work
 * budget for the whole matrix: its deadline bounds the question, not each row.
 */
export function* matrixSteps(data: PlanningData, q: MatrixQuestion): Generator<void, (TravelCost | null)[][]> {
  const budget = budgetOf(data);
  const rows: (TravelCost | null)[][] = [];
  for (const [i, source] of q.sources.entries()) {
    if (i > 0) yield;
    rows.push(matrixRow(q.network.prepared, source, q.targets, q.options, budget ? { budget } : {}));
  }
  return rows;
}

export interface ReachabilityInput extends TravelCostInput {
  from: string;
  /** Typical hours. */
  maxHours: number;
}

export interface ReachabilityAnswer extends TravelCostQuestion {
  from: string;
  places: Reachable[];
}

/** Resolves a reachability question (the origin, then the scenario) without planning it. */
export function reachabilityQuestion(data: PlanningData, input: ReachabilityInput): Omit<ReachabilityAnswer, 'places'> {
  const [from] = resolvePlaceRefs(data.places, [{ parameter: 'from', ref: input.from }]) as [string];
  return { ...travelCostQuestion(data, input), from };
}

/** The places of a resolved reachability question: one single-source search, stopped at the budget where the objective allows. */
export function reachablePlaces(data: PlanningData, q: TravelCostQuestion, from: string, maxHours: number): Reachable[] {
  const budget = budgetOf(data);
  return reachableWithin(q.network.prepared, from, maxHours, q.options, budget ? { budget } : {});
}

/** Every place reachable from `from` within maxHours, nearest first. */
export function answerReachability(data: PlanningData, input: ReachabilityInput): ReachabilityAnswer {
  const q = reachabilityQuestion(data, input);
  return { ...q, places: reachablePlaces(data, q, q.from, input.maxHours) };
}

export interface LaneResilienceQuestion {
  query: RouteQuery;
  network: PlanningNetwork;
  /** Run to the end (resilience.ts runToEnd), yielding after each planning call. */
  steps: Generator<void, LaneResilience>;
}

/** Closure impact on one lane: the route question (one route, no overlays) and the steps that answer it. */
export function laneResilienceQuestion(
  data: PlanningData,
  input: RouteQueryInput,
  options: { scenario?: string | undefined; maxElements: number },
): LaneResilienceQuestion {
  const { query, scenario } = routeQuestion(data, { ...input, alternatives: 1 }, { scenario: options.scenario });
  const network = planningNetwork(data.scenarios, scenario);
  return { query, network, steps: laneResilienceSteps(network.prepared, query, { maxElements: options.maxElements }) };
}

export interface ResilienceMatrixQuestion {
  /** The options shared by the lanes (the first lane's ends). */
  query: RouteQuery;
  lanes: { from: string; to: string }[];
  network: PlanningNetwork;
  steps: Generator<void, ResilienceMatrix>;
}

/** Closure impact over several lanes; the options (avoid lists, statuses, modes) are checked once, on the first lane. */
export function resilienceMatrixQuestion(
  data: PlanningData,
  lanes: readonly { from: string; to: string }[],
  input: Omit<RouteQueryInput, 'from' | 'to' | 'via'>,
  options: { scenario?: string | undefined; maxElements: number },
): ResilienceMatrixQuestion {
  const ends = resolvePlaceRefs(
    data.places,
    lanes.flatMap((l, i) => [
      { parameter: `lanes[${i}].from`, ref: l.from },
      { parameter: `lanes[${i}].to`, ref: l.to },
    ]),
  );
  const resolved = lanes.map((_, i) => ({ from: ends[2 * i]!, to: ends[2 * i + 1]! }));
  const first = resolved[0]!;
  const { query, scenario } = routeQuestion(data, { ...input, from: first.from, to: first.to, via: [], alternatives: 1 }, { scenario: options.scenario });
  const network = planningNetwork(data.scenarios, scenario);
  const steps = resilienceMatrixSteps(network.prepared, query, resolved, {
    maxElements: options.maxElements,
    maxTotalElements: PLANNING_LIMITS.maxResilienceTotalElements,
  });
  return { query, lanes: resolved, network, steps };
}
