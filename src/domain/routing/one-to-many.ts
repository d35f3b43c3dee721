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
import { assembleRoute, type PathStep } from './assemble-route.js';
import { checkAvoidIds, makeFilter, type FilterOptions } from './filters.js';
import { LayeredSearch } from './layered-search.js';
import { withinBudget } from './plan-routes.js';
import type { PreparedNetwork } from './prepare.js';
import { buildQueryGraph, placeOfNode, SINK, SOURCE } from './query-graph.js';
import { layeredQuery, queryMask } from './query-mask.js';
import type { Hours, Objective, Route } from './route-types.js';

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

/**
 * The same figures as costOfRoute(assembleSteps(…)) without building the
 * route: the hour parts are summed in the same order as assemble-route.ts
 * sums them, so the numbers are equal to the last bit (the reference test
 * compares them with the assembled route's).
 */
export function costOfSteps(p: PreparedNetwork, steps: readonly PathStep[]): TravelCost {
  // running, borderDwell, gaugeChange, ferry, sea, transfer: low, typical, high each.
  const parts = new Float64Array(18);
  const add = (part: number, h: Hours): void => {
    parts[part * 3] = parts[part * 3]! + h.low;
    parts[part * 3 + 1] = parts[part * 3 + 1]! + h.typical;
    parts[part * 3 + 2] = parts[part * 3 + 2]! + h.high;
  };
  let km = 0;
  let crossings = 0;
  let gaugeBreaks = 0;
  for (const s of steps) {
    if (s.ref < 0) continue;
    if (s.kind === 'link') {
      const t = p.traversals[s.ref]!;
      km += t.link.lengthKm;
      crossings += t.borders;
      add(t.link.mode === 'ferry' ? 3 : t.link.mode === 'sea' ? 4 : 0, t.hours);
      if (t.crossing && t.crossingCountries) add(1, t.dwell);
    } else {
      const tr = p.transitions[s.ref]!.transition;
      if (tr.kind === 'continue') continue;
      if (tr.kind === 'gauge-change') {
        add(2, tr.hours);
        gaugeBreaks++;
      } else add(5, tr.hours);
    }
  }
  let low = 0;
  let typical = 0;
  let high = 0;
  for (let part = 0; part < 6; part++) {
    low += parts[part * 3]!;
    typical += parts[part * 3 + 1]!;
    high += parts[part * 3 + 2]!;
  }
  return { hours: typical, lowHours: low, highHours: high, km, crossings, gaugeBreaks };
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

/** Slots of the per-node figures along the search tree: 6 hour parts × (low, typical, high), km, crossings, gauge breaks. */
const KM = 18;
const CROSSINGS = 19;
const GAUGE = 20;
const SLOTS = 21;

/** Adds one step's figures to acc[at..at+SLOTS), in the part order of costOfSteps. */
function addStep(p: PreparedNetwork, s: PathStep, acc: Float64Array, at: number): void {
  if (s.ref < 0) return;
  const add = (part: number, h: Hours): void => {
    acc[at + part * 3] = acc[at + part * 3]! + h.low;
    acc[at + part * 3 + 1] = acc[at + part * 3 + 1]! + h.typical;
    acc[at + part * 3 + 2] = acc[at + part * 3 + 2]! + h.high;
  };
  if (s.kind === 'link') {
    const t = p.traversals[s.ref]!;
    acc[at + KM] = acc[at + KM]! + t.link.lengthKm;
    acc[at + CROSSINGS] = acc[at + CROSSINGS]! + t.borders;
    add(t.link.mode === 'ferry' ? 3 : t.link.mode === 'sea' ? 4 : 0, t.hours);
    if (t.crossing && t.crossingCountries) add(1, t.dwell);
  } else {
    const tr = p.transitions[s.ref]!.transition;
    if (tr.kind === 'continue') return;
    if (tr.kind === 'gauge-change') {
      add(2, tr.hours);
      acc[at + GAUGE] = acc[at + GAUGE]! + 1;
    } else add(5, tr.hours);
  }
}

function costAt(acc: Float64Array, at: number): TravelCost {
  let low = 0;
  let typical = 0;
  let high = 0;
  for (let part = 0; part < 6; part++) {
    low += acc[at + part * 3]!;
    typical += acc[at + part * 3 + 1]!;
    high += acc[at + part * 3 + 2]!;
  }
  return { hours: typical, lowHours: low, highHours: high, km: acc[at + KM]!, crossings: acc[at + CROSSINGS]!, gaugeBreaks: acc[at + GAUGE]! };
}

/**
 * One search from `from`; every node's figures are accumulated along the
 * search tree in settle order (parent first, steps added in path order, so
 * the sums equal those of costOfSteps on the path), and only the places asked
 * for are read.
 */
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
  const acc = new Float64Array((search.sink + 1) * SLOTS);
  for (let k = 1; k < search.settledCount; k++) {
    const v = search.settleOrder[k]!;
    const at = v * SLOTS;
    acc.copyWithin(at, search.parentOf(v) * SLOTS, search.parentOf(v) * SLOTS + SLOTS);
    addStep(p, search.step(search.parentEdgeOf(v)), acc, at);
  }
  const fromIdx = sp.placeIndex.get(from)!;
  const placeSeen = new Int32Array(sp.placeIds.length);
  let mark = 0;
  const places = wanted ? [...wanted].map((id) => sp.placeIndex.get(id)).filter((i): i is number => i !== undefined) : sp.placeIds.map((_, i) => i);
  for (const place of places) {
    if (place === fromIdx) continue;
    let best = -1;
    for (const n of sp.arrNodes[place]!) {
      if (search.settledIn(n, st) && (best < 0 || search.distance(n) < search.distance(best))) best = n;
    }
    if (best < 0) continue;
    const id = sp.placeIds[place]!;
    if (search.looplessTo(best, placeSeen, ++mark)) {
      result.set(id, costAt(acc, best * SLOTS));
      continue;
    }
    const exact = new LayeredSearch(layeredQuery(p, [from, id], mask, opts.objective), budget);
    const first = exact.kShortest().next();
    if (!first.done) result.set(id, costOfSteps(p, first.value.edges.map((e) => exact.step(e))));
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
