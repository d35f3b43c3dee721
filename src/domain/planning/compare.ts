/**
 * The best route between two places today and under each named scenario,
 * side by side, with each scenario's differences to today. A scenario (or
 * today) without a route gives `route: null` and the router's reason; any
 * other error (unknown place, from = to) is the caller's and is thrown.
 */
import { DomainError } from '../errors.js';
import type { WorkBudget } from '../graph/budget.js';
import type { EmissionFactors } from '../emissions/emission-schema.js';
import { routeEmissions, type RouteEmissions } from '../emissions/route-emissions.js';
import { planRoutes } from '../routing/plan-routes.js';
import type { PreparedNetwork } from '../routing/prepare.js';
import type { Hours, Route, RouteQuery } from '../routing/route-types.js';
import type { ScenarioRegistry } from '../scenarios/scenario-registry.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { bordersOf } from './explain.js';
import { planningNetwork, uniqueStatuses } from './planning-network.js';

export interface RouteFigures {
  km: number;
  hours: Hours;
  /** Border crossing records passed. */
  crossings: number;
  /** Country changes. */
  borders: number;
  gaugeBreaks: number;
  corridors: string[];
  kgCo2e: number;
}

/** Scenario minus today; hours are typical and high. */
export interface FigureDifferences {
  km: number;
  typicalHours: number;
  highHours: number;
  crossings: number;
  borders: number;
  gaugeBreaks: number;
  kgCo2e: number;
}

export interface Outcome {
  /** null for today's network. */
  scenarioId: string | null;
  route: Route | null;
  emissions: RouteEmissions | null;
  figures: RouteFigures | null;
  /** Why there is no route; null when there is one. */
  reason: string | null;
}

export interface ScenarioOutcome extends Outcome {
  scenarioId: string;
  scenario: Scenario;
  /** null when either side has no route (see differencesReason). */
  differences: FigureDifferences | null;
  differencesReason: string | null;
}

export interface Comparison {
  today: Outcome;
  scenarios: ScenarioOutcome[];
}

export function figuresOf(route: Route, emissions: RouteEmissions): RouteFigures {
  return {
    km: route.distanceKm,
    hours: route.hours.total,
    crossings: route.crossings.length,
    borders: bordersOf(route),
    gaugeBreaks: route.gaugeBreaks.length,
    corridors: route.corridors.map((c) => c.id),
    kgCo2e: emissions.totalKgCo2e,
  };
}

export function differences(today: RouteFigures, other: RouteFigures): FigureDifferences {
  return {
    km: other.km - today.km,
    typicalHours: other.hours.typical - today.hours.typical,
    highHours: other.hours.high - today.hours.high,
    crossings: other.crossings - today.crossings,
    borders: other.borders - today.borders,
    gaugeBreaks: other.gaugeBreaks - today.gaugeBreaks,
    kgCo2e: other.kgCo2e - today.kgCo2e,
  };
}

export interface CompareOptions {
  factors: EmissionFactors;
  cargoTonnes: number;
  /** Work budget shared by today's route and every scenario's. */
  budget?: WorkBudget;
}

export function outcome(p: PreparedNetwork, q: RouteQuery, scenarioId: string | null, opts: CompareOptions): Outcome {
  let route: Route | undefined;
  try {
    route = planRoutes(p, { ...q, alternatives: 1 }, opts.budget ? { budget: opts.budget } : {})[0];
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NO_ROUTE') {
      return { scenarioId, route: null, emissions: null, figures: null, reason: err.message };
    }
    throw err;
  }
  if (!route) return { scenarioId, route: null, emissions: null, figures: null, reason: 'no route' };
  const emissions = routeEmissions(route, p.network, opts.factors, opts.cargoTonnes);
  return { scenarioId, route, emissions, figures: figuresOf(route, emissions), reason: null };
}

/**
 * Today (base network, q.include) against each scenario (its network, q.include
 * plus the statuses the scenario admits). Unknown scenario ids throw NOT_FOUND
 * before anything is planned.
 */
export function compareScenarios(reg: ScenarioRegistry, q: RouteQuery, scenarioIds: readonly string[], opts: CompareOptions): Comparison {
  const scenarios = scenarioIds.map((id) => reg.get(id));
  const today = outcome(reg.base, q, null, opts);
  return {
    today,
    scenarios: scenarios.map((s) => {
      const net = planningNetwork(reg, s);
      const o = outcome(net.prepared, { ...q, include: uniqueStatuses(q.include, net.include) }, s.id, opts);
      const diff = today.figures && o.figures ? differences(today.figures, o.figures) : null;
      const differencesReason =
        diff !== null ? null : o.figures === null ? 'no route under this scenario' : 'no route on today’s network to compare with';
      return { ...o, scenarioId: s.id, scenario: s, differences: diff, differencesReason };
    }),
  };
}
