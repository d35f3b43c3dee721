/**
 * Cost of the best route from one place to the places asked for (for the
 * matrix and reachability views), under the same filters and objective as
 * planRoutes, so each entry equals planRoutes' best route.
 *
 * One single-source search over the state graph (the fast masked search, or
 * with `reference` the graphology one) gives the best path to every state;
 * only the places asked for are assembled. When the best path to a place
 * happens to visit some place twice (it can, through two states of one
 * place), that place alone is solved again with the exact place-loopless
 * search. `from` itself is not in the result.
 */
import { unlimitedBudget, type WorkBudget } from '../graph/budget.js';
import { DomainError } from '../errors.js';
import { kShortestLooplessPaths, isGroupLoopless } from '../graph/k-shortest.js';
import { shortestPathsFrom } from '../graph/shortest-path.js';
import { assembleRoute, assembleSteps } from './assemble-route.js';
import { checkAvoidIds, makeFilter, type FilterOptions } from './filters.js';
import { LayeredSearch } from './layered-search.js';
import { withinBudget } from './plan-routes.js';
import type { PreparedNetwork } from './prepare.js';
import { buildQueryGraph, placeOfNode, SINK, SOURCE } from './query-graph.js';
import { layeredQuery, queryMask } from './query-mask.js';
import type { Objective, Route } from './route-types.js';

export type TravelCostOptions = FilterOptions & { objective: Objective };

export interface TravelCost {
  /** Typical hours of the best route. */
  hours: number;
  /** Low and high hours of the same route. */
  lowHours: number;
  highHours: number;
  km: number;
  /** Borders crossed: legs whose two ends are in different countries. */
  crossings: number;
  /** Gauge changes on the route. */
  gaugeBreaks: number;
}

export interface TravelCostRun {
  budget?: WorkBudget;
  /** Only these places (default: every place). */
  targets?: readonly string[];
  /** Use the graphology reference search. */
  reference?: boolean;
  /** Places whose best path costs more than this (in the objective's unit) may be left out: the search stops there. */
  maxCost?: number;
}

export function costOfRoute(p: PreparedNetwork, r: Route): TravelCost {
  let crossings = 0;
  for (const l of r.legs) if (p.index.countryOf(l.from) !== p.index.countryOf(l.to)) crossings++;
  const t = r.hours.total;
  return { hours: t.typical, lowHours: t.low, highHours: t.high, km: r.distanceKm, crossings, gaugeBreaks: r.gaugeBreaks.length };
}

export function travelCosts(p: PreparedNetwork, from: string, opts: TravelCostOptions, run: TravelCostRun = {}): Map<string, TravelCost> {
  if (!p.index.placeById.has(from)) {
    throw new DomainError('UNKNOWN_PLACE', `from: no place with id "${from}"`, { field: 'from', value: from, suggestions: [] });
  }
  checkAvoidIds(p.index, opts);
  const filter = makeFilter(p.index, opts);
  const result = new Map<string, TravelCost>();
  if (!filter.placeAllowed(from) || opts.modes.length === 0) return result;
  const budget = run.budget ?? unlimitedBudget();
  const wanted = run.targets ? new Set(run.targets) : null;
  return withinBudget(() => (run.reference ? referenceCosts(p, from, opts, filter, wanted, result) : fastCosts(p, from, opts, wanted, budget, result, run.maxCost ?? Infinity)));
}

function fastCosts(
  p: PreparedNetwork,
  from: string,
  opts: TravelCostOptions,
  wanted: ReadonlySet<string> | null,
  budget: WorkBudget,
  result: Map<string, TravelCost>,
  maxCost: number,
): Map<string, TravelCost> {
  const sp = p.space;
  const mask = queryMask(p, makeFilter(p.index, opts));
  const search = new LayeredSearch(layeredQuery(p, [from], mask, opts.objective, true), budget);
  const st = search.run(search.source, -1, null, maxCost);
  const fromIdx = sp.placeIndex.get(from)!;
  const places = wanted ? [...wanted].map((id) => sp.placeIndex.get(id)).filter((i): i is number => i !== undefined) : sp.placeIds.map((_, i) => i);
  for (const place of places) {
    if (place === fromIdx) continue;
    let best = -1;
    for (const n of sp.arrNodes[place]!) {
      if (search.settledIn(n, st) && (best < 0 || search.distance(n) < search.distance(best))) best = n;
    }
    if (best < 0) continue;
    const path = search.pathTo(best);
    const id = sp.placeIds[place]!;
    if (search.loopless(path.nodes)) {
      result.set(id, costOfRoute(p, assembleSteps(p, path.edges.map((e) => search.step(e)), opts.objective)));
      continue;
    }
    const exact = new LayeredSearch(layeredQuery(p, [from, id], mask, opts.objective), budget);
    const first = exact.kShortest().next();
    if (!first.done) result.set(id, costOfRoute(p, assembleSteps(p, first.value.edges.map((e) => exact.step(e)), opts.objective)));
  }
  return result;
}

function referenceCosts(
  p: PreparedNetwork,
  from: string,
  opts: TravelCostOptions,
  filter: ReturnType<typeof makeFilter>,
  wanted: ReadonlySet<string> | null,
  result: Map<string, TravelCost>,
): Map<string, TravelCost> {
  const graph = buildQueryGraph(p, [from], filter, opts.objective, true);
  const paths = shortestPathsFrom(graph, SOURCE, 'w');
  const groupOf = (n: string): string => placeOfNode(graph, n);
  const best = new Map<string, { cost: number; edges: string[]; nodes: string[] }>();
  for (const [node, path] of paths) {
    if (node === SOURCE || !graph.getNodeAttribute(node, 'arrival')) continue;
    const place = groupOf(node);
    if (place === from || (wanted && !wanted.has(place))) continue;
    const b = best.get(place);
    if (!b || path.cost < b.cost) best.set(place, path);
  }
  for (const [place, path] of best) {
    if (isGroupLoopless(path.nodes, groupOf)) {
      result.set(place, costOfRoute(p, assembleRoute(p, graph, path.edges, opts.objective)));
      continue;
    }
    const stops = [from, place];
    const g2 = buildQueryGraph(p, stops, filter, opts.objective);
    const first = kShortestLooplessPaths(g2, SOURCE, SINK, 'w', (n) => placeOfNode(g2, n)).next();
    if (!first.done) result.set(place, costOfRoute(p, assembleRoute(p, g2, first.value.edges, opts.objective)));
  }
  return result;
}
