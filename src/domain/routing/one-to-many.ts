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
import { bordersAlong } from './borders.js';
import { isUnscheduled } from '../network/service.js';
import { checkAvoidIds, makeFilter, type FilterOptions } from './filters.js';
import { LayeredSearch } from './layered-search.js';
import { withinBudget } from './plan-routes.js';
import { terminalHours } from '../transit/terminal-hours.js';
import { splitNodeState, type PreparedNetwork, type Traversal } from './prepare.js';
import { weightFor } from './objective.js';
import { buildQueryGraph, placeOfNode, SINK, SOURCE } from './query-graph.js';
import { layeredQuery, queryMaskFor } from './query-mask.js';
import type { Hours, Objective, Route } from './route-types.js';

export type TravelCostOptions = FilterOptions & { objective: Objective };

export interface TravelCost {
  /** Typical hours of the best route. */
  hours: number;
  /** Low and high hours of the same route. */
  lowHours: number;
  highHours: number;
  km: number;
  /** Borders crossed (borders.ts). */
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
  const crossings = bordersAlong(r.countries);
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
      first ??= p.traversals.at(s.ref)!;
      last = p.traversals.at(s.ref)!;
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

/** Adds low, typical, high of h to hour part `part` at slot `at` (a plain function: a closure per step cost more than the step). */
function addPart(acc: Float64Array, at: number, part: number, h: Hours): void {
  const i = at + part * 3;
  acc[i] = acc[i]! + h.low;
  acc[i + 1] = acc[i + 1]! + h.typical;
  acc[i + 2] = acc[i + 2]! + h.high;
}

/** Adds one step's figures to acc[at..at+SLOTS), in the part order of costOfSteps. */
function addStep(p: PreparedNetwork, s: PathStep, acc: Float64Array, at: number): void {
  if (s.ref < 0) return;
  if (s.kind === 'link') {
    const t = p.traversals.at(s.ref)!;
    acc[at + KM] = acc[at + KM]! + t.link.lengthKm;
    acc[at + CROSSINGS] = acc[at + CROSSINGS]! + t.borders;
    if (isUnscheduled(t.link)) acc[at + UNSCHEDULED] = acc[at + UNSCHEDULED]! + 1;
    addPart(acc, at, t.link.mode === 'ferry' ? 3 : t.link.mode === 'sea' ? 4 : 0, t.hours);
    if (t.crossing && t.crossingCountries) addPart(acc, at, 1, t.dwell);
  } else {
    const tr = p.transitions[s.ref]!.transition;
    if (tr.kind === 'continue') {
      if (tr.yard) addPart(acc, at, TERMINAL, tr.hours);
      return;
    }
    if (tr.kind === 'gauge-change') {
      addPart(acc, at, 2, tr.hours);
      acc[at + GAUGE] = acc[at + GAUGE]! + 1;
    } else addPart(acc, at, tr.terminal ? TERMINAL : 5, tr.hours);
  }
}

/** The hour parts of one costAt call (reused: costAt runs once per place of a matrix row or reachability answer). */
const PARTS_SCRATCH = new Float64Array(PARTS * 3);

/** The figures at node slot `at`, with the terminal time of the route's two ends added last, as assemble-route.ts does. */
function costAt(p: PreparedNetwork, acc: Float64Array, at: number, first: Traversal | undefined, last: Traversal | undefined): TravelCost {
  const parts = PARTS_SCRATCH;
  parts.set(acc.subarray(at, at + PARTS * 3));
  if (first && last) {
    addPart(parts, 0, TERMINAL, terminalHours(p.network.parameters, first.from, 'origin', first.state));
    addPart(parts, 0, TERMINAL, terminalHours(p.network.parameters, last.to, 'destination', last.state));
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
  const mask = queryMaskFor(p, opts);
  const search = new LayeredSearch(layeredQuery(p, [from], mask, opts.objective, true), budget);
  const st = search.run(search.source, -1, null, maxCost);
  // Figures per SETTLED node only, at its position in settle order: sized by what the search reached, not by the
  // whole graph (at 100k places a per-node array is ~40 MB a call, and the garbage collector then dominates).
  const settled = search.settledCount;
  const slotOf = new Int32Array(search.sink + 1);
  const acc = new Float64Array(settled * SLOTS);
  // First and last link traversal on the tree path to each settled node (-1: none yet), for the terminal time of its ends.
  const firstT = new Int32Array(settled).fill(-1);
  const lastT = new Int32Array(settled).fill(-1);
  for (let k = 1; k < settled; k++) {
    const v = search.settleOrder[k]!;
    slotOf[v] = k;
    const at = k * SLOTS;
    const parent = slotOf[search.parentOf(v)]!;
    acc.copyWithin(at, parent * SLOTS, parent * SLOTS + SLOTS);
    const step = search.step(search.parentEdgeOf(v));
    addStep(p, step, acc, at);
    firstT[k] = firstT[parent]!;
    lastT[k] = lastT[parent]!;
    if (step.kind === 'link' && step.ref >= 0) {
      if (firstT[k]! < 0) firstT[k] = step.ref;
      lastT[k] = step.ref;
    }
  }
  const destW = search.q.destinationW;
  const fromIdx = sp.placeIndex.get(from)!;
  const placeSeen = new Int32Array(sp.placeIds.length);
  let mark = 0;
  // Every place: only those with a settled arrival node can be in the answer, so read them off the settled nodes.
  let places: Iterable<number>;
  if (wanted) places = [...wanted].map((id) => sp.placeIndex.get(id)).filter((i): i is number => i !== undefined);
  else {
    const reached = new Set<number>();
    for (let k = 1; k < settled; k++) {
      const v = search.settleOrder[k]!;
      if (v < sp.nodeCount && sp.nodeIsArrival[v] === 1) reached.add(sp.nodePlace[v]!);
    }
    places = [...reached].sort((a, b) => a - b);
  }
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
      const k = slotOf[best]!;
      result.set(id, costAt(p, acc, k * SLOTS, p.traversals.at(firstT[k]!), p.traversals.at(lastT[k]!)));
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
