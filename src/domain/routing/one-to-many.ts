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
import { isUnscheduled } from '../network/service.js';
import { checkAvoidIds, makeFilter, type FilterOptions } from './filters.js';
import { LayeredSearch } from './layered-search.js';
import { withinBudget } from './plan-routes.js';
import { terminalHours } from '../transit/terminal-hours.js';
import { splitNodeState, type PreparedNetwork, type Traversal } from './prepare.js';
import { weightFor } from './objective.js';
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
  /** Ferry and sea legs without scheduled sailings (on demand or none; only with allowUnscheduled). */
  unscheduledLegs: number;
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
  let unscheduledLegs = 0;
  for (const l of r.legs) if (isUnscheduled(p.index.linkById.get(l.linkId)!)) unscheduledLegs++;
  return { hours: t.typical, lowHours: t.low, highHours: t.high, km: r.distanceKm, crossings, gaugeBreaks: r.gaugeBreaks.length, unscheduledLegs };
}

/**
 * The same figures as costOfRoute(assembleSteps(…)) without building the
 * route: the hour parts are summed in the same order as assemble-route.ts
 * sums them, so the numbers are equal to the last bit (the reference test
 * compares them with the assembled route's).
 */
export function costOfSteps(p: PreparedNetwork, steps: readonly PathStep[]): TravelCost {
  // The same accumulation as along the search tree (addStep), so the two sum alike to the last bit.
  const acc = new Float64Array(SLOTS);
  let first: Traversal | undefined;
  let last: Traversal | undefined;
  for (const s of steps) {
    addStep(p, s, acc, 0);
    if (s.kind === 'link' && s.ref >= 0) {
      first ??= p.traversals[s.ref]!;
      last = p.traversals[s.ref]!;
    }
  }
  return costAt(p, acc, 0, first, last);
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

/** Hour parts, in assemble-route.ts's order: running, borderDwell, gaugeChange, ferry, sea, transfer, terminal. */
const PARTS = 7;
const TERMINAL = 6;
/** Slots of the per-node figures along the search tree: the hour parts × (low, typical, high), km, crossings, gauge breaks. */
const KM = PARTS * 3;
const CROSSINGS = KM + 1;
const GAUGE = KM + 2;
const UNSCHEDULED = KM + 3;
const SLOTS = KM + 4;

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
    if (isUnscheduled(t.link)) acc[at + UNSCHEDULED] = acc[at + UNSCHEDULED]! + 1;
    add(t.link.mode === 'ferry' ? 3 : t.link.mode === 'sea' ? 4 : 0, t.hours);
    if (t.crossing && t.crossingCountries) add(1, t.dwell);
  } else {
    const tr = p.transitions[s.ref]!.transition;
    if (tr.kind === 'continue') {
      if (tr.yard) add(TERMINAL, tr.hours);
      return;
    }
    if (tr.kind === 'gauge-change') {
      add(2, tr.hours);
      acc[at + GAUGE] = acc[at + GAUGE]! + 1;
    } else add(tr.terminal ? TERMINAL : 5, tr.hours);
  }
}

/** The figures at node slot `at`, with the terminal time of the route's two ends added last, as assemble-route.ts does. */
function costAt(p: PreparedNetwork, acc: Float64Array, at: number, first: Traversal | undefined, last: Traversal | undefined): TravelCost {
  const parts = acc.slice(at, at + PARTS * 3);
  if (first && last) {
    for (const h of [
      terminalHours(p.network.parameters, first.from, 'origin', first.state),
      terminalHours(p.network.parameters, last.to, 'destination', last.state),
    ]) {
      parts[TERMINAL * 3] = parts[TERMINAL * 3]! + h.low;
      parts[TERMINAL * 3 + 1] = parts[TERMINAL * 3 + 1]! + h.typical;
      parts[TERMINAL * 3 + 2] = parts[TERMINAL * 3 + 2]! + h.high;
    }
  }
  let low = 0;
  let typical = 0;
  let high = 0;
  for (let part = 0; part < PARTS; part++) {
    low += parts[part * 3]!;
    typical += parts[part * 3 + 1]!;
    high += parts[part * 3 + 2]!;
  }
  return { hours: typical, lowHours: low, highHours: high, km: acc[at + KM]!, crossings: acc[at + CROSSINGS]!, gaugeBreaks: acc[at + GAUGE]!, unscheduledLegs: acc[at + UNSCHEDULED]! };
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
  // First and last link traversal on the tree path to each node (-1: none yet), for the terminal time of its ends.
  const firstT = new Int32Array(search.sink + 1).fill(-1);
  const lastT = new Int32Array(search.sink + 1).fill(-1);
  for (let k = 1; k < search.settledCount; k++) {
    const v = search.settleOrder[k]!;
    const at = v * SLOTS;
    const parent = search.parentOf(v);
    acc.copyWithin(at, parent * SLOTS, parent * SLOTS + SLOTS);
    const step = search.step(search.parentEdgeOf(v));
    addStep(p, step, acc, at);
    firstT[v] = firstT[parent]!;
    lastT[v] = lastT[parent]!;
    if (step.kind === 'link' && step.ref >= 0) {
      if (firstT[v]! < 0) firstT[v] = step.ref;
      lastT[v] = step.ref;
    }
  }
  const destW = layeredQuery(p, [from], mask, opts.objective, true).destinationW;
  const fromIdx = sp.placeIndex.get(from)!;
  const placeSeen = new Int32Array(sp.placeIds.length);
  let mark = 0;
  const places = wanted ? [...wanted].map((id) => sp.placeIndex.get(id)).filter((i): i is number => i !== undefined) : sp.placeIds.map((_, i) => i);
  for (const place of places) {
    if (place === fromIdx) continue;
    let best = -1;
    for (const n of sp.arrNodes[place]!) {
      // The route ends here: the destination terminal of the arrival state counts, as planRoutes' sink edge.
      if (search.settledIn(n, st) && (best < 0 || search.distance(n) + destW[n]! < search.distance(best) + destW[best]!)) best = n;
    }
    if (best < 0) continue;
    const id = sp.placeIds[place]!;
    if (search.looplessTo(best, placeSeen, ++mark)) {
      result.set(id, costAt(p, acc, best * SLOTS, p.traversals[firstT[best]!], p.traversals[lastT[best]!]));
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
    // The route ends here: add the destination terminal of the arrival state, as planRoutes' sink edge does.
    const nodeState = graph.getNodeAttribute(node, 'state');
    if (nodeState === undefined) continue;
    const state = splitNodeState(nodeState).state;
    const hours = terminalHours(p.network.parameters, place, 'destination', state).typical;
    const cost = path.cost + weightFor(opts.objective, { hours, km: 0, borders: 0 });
    const b = best.get(place);
    if (!b || cost < b.cost) best.set(place, { ...path, cost });
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
