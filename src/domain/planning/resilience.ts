/**
 * Closure impact: for each crossing, ferry and link on today's best route
 * between two places, the best route when that element alone is closed, what
 * it costs in km and hours against the best route, or that no route is left.
 * Elements are ranked by impact: those whose closure leaves no route first,
 * then by the rise in the cost the objective minimises (typical hours, km, or
 * crossings then hours), then by km lost.
 *
 * Method: one planRoutes call per element, with the element added to the
 * query's avoidCrossings or avoidLinks. The work is bounded: at most
 * `maxElements` elements per lane are checked (the ones nearest the origin
 * first, as they lie on the route) and the answer says when more were left.
 * A lane matrix runs the same per lane and reads, for every element met on
 * any lane's best route, what its closure does to every lane.
 */
import { DomainError } from '../errors.js';
import { planRoutes } from '../routing/plan-routes.js';
import type { PreparedNetwork } from '../routing/prepare.js';
import type { Hours, Route, RouteQuery } from '../routing/route-types.js';

export type ElementKind = 'crossing' | 'ferry' | 'link';

export interface RouteElement {
  kind: ElementKind;
  /** Crossing id (closed through avoidCrossings) or link id (through avoidLinks). */
  id: string;
}

export interface ElementImpact {
  element: RouteElement;
  /** Best route with the element closed; null when none is left. */
  route: Route | null;
  /** Route minus the best route: km, hours (typical and high) and objective cost; null when no route. */
  kmLost: number | null;
  hoursLost: Hours | null;
  costLost: number | null;
  /** The router's reason when no route is left. */
  reason: string | null;
}

export interface LaneResilience {
  best: Route;
  /** Elements on the best route, in travel order. */
  elements: RouteElement[];
  /** Impacts of the elements checked, ranked (largest first). */
  impacts: ElementImpact[];
  /** Elements on the best route that were not checked because of maxElements. */
  unchecked: RouteElement[];
}

export interface ResilienceOptions {
  /** Most elements checked per lane. */
  maxElements: number;
}

const key = (e: RouteElement): string => `${e.kind}:${e.id}`;

/** Crossings, ferry legs and every other link of a route, in travel order, each once. */
export function elementsOf(route: Route): RouteElement[] {
  const out: RouteElement[] = [];
  const seen = new Set<string>();
  const add = (e: RouteElement) => {
    if (!seen.has(key(e))) {
      seen.add(key(e));
      out.push(e);
    }
  };
  // Crossings sit between legs; put each just before the leg that leaves its first border point.
  const crossingsFrom = new Map<string, string[]>();
  for (const c of route.crossings) crossingsFrom.set(c.from, [...(crossingsFrom.get(c.from) ?? []), c.crossingId]);
  for (const leg of route.legs) {
    for (const id of crossingsFrom.get(leg.from) ?? []) add({ kind: 'crossing', id });
    add({ kind: leg.mode === 'ferry' ? 'ferry' : 'link', id: leg.linkId });
  }
  for (const c of route.crossings) add({ kind: 'crossing', id: c.crossingId });
  return out;
}

function bestRoute(p: PreparedNetwork, q: RouteQuery): Route | null {
  try {
    return planRoutes(p, { ...q, alternatives: 1 })[0] ?? null;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NO_ROUTE') return null;
    throw err;
  }
}

function closing(q: RouteQuery, e: RouteElement): RouteQuery {
  return e.kind === 'crossing'
    ? { ...q, alternatives: 1, avoidCrossings: [...q.avoidCrossings, e.id] }
    : { ...q, alternatives: 1, avoidLinks: [...q.avoidLinks, e.id] };
}

function impactOf(p: PreparedNetwork, q: RouteQuery, best: Route, e: RouteElement): ElementImpact {
  let route: Route | null = null;
  let reason: string | null = null;
  try {
    route = planRoutes(p, closing(q, e))[0] ?? null;
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'NO_ROUTE')) throw err;
    reason = err.message;
  }
  if (route === null) return { element: e, route: null, kmLost: null, hoursLost: null, costLost: null, reason: reason ?? 'no route' };
  const b = best.hours.total;
  const r = route.hours.total;
  return {
    element: e,
    route,
    kmLost: route.distanceKm - best.distanceKm,
    hoursLost: { low: r.low - b.low, typical: r.typical - b.typical, high: r.high - b.high },
    costLost: route.cost - best.cost,
    reason: null,
  };
}

/** Largest impact first: no route, then cost lost, then km lost, then travel order (stable). */
export function rankImpacts(impacts: readonly ElementImpact[]): ElementImpact[] {
  const score = (x: ElementImpact) => (x.route === null ? Number.POSITIVE_INFINITY : x.costLost!);
  return impacts
    .map((x, i) => ({ x, i }))
    .sort((a, b) => {
      const sa = score(a.x);
      const sb = score(b.x);
      if (sa !== sb) return sb > sa ? 1 : -1;
      const ka = a.x.kmLost ?? 0;
      const kb = b.x.kmLost ?? 0;
      if (ka !== kb) return kb - ka;
      return a.i - b.i;
    })
    .map((e) => e.x);
}

/**
 * The closure impact of every element of the best route from q.from to q.to
 * (via, avoid lists and objective as in q). There must be a best route to
 * start from: planRoutes' NO_ROUTE, like its other errors, passes through.
 */
export function laneResilience(p: PreparedNetwork, q: RouteQuery, opts: ResilienceOptions): LaneResilience {
  return runToEnd(laneResilienceSteps(p, q, opts));
}

/**
 * laneResilience one planning call at a time: the generator yields after each
 * call, so a caller can let other work run in between; its return value is
 * the answer.
 */
export function* laneResilienceSteps(p: PreparedNetwork, q: RouteQuery, opts: ResilienceOptions): Generator<void, LaneResilience> {
  const best = planRoutes(p, { ...q, alternatives: 1 })[0];
  if (!best) throw new DomainError('NO_ROUTE', `no route from ${q.from} to ${q.to}`, { from: q.from, to: q.to });
  const elements = elementsOf(best);
  const checked = elements.slice(0, Math.max(0, opts.maxElements));
  const impacts: ElementImpact[] = [];
  for (const e of checked) {
    yield;
    impacts.push(impactOf(p, q, best, e));
  }
  return { best, elements, impacts: rankImpacts(impacts), unchecked: elements.slice(checked.length) };
}

/** Runs a step generator to its end and gives its return value. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface LaneOutcome {
  from: string;
  to: string;
  /** null when the lane has no route at all (reason says why). */
  resilience: LaneResilience | null;
  reason: string | null;
}

export interface MatrixElement {
  element: RouteElement;
  /** Per lane, in lane order: the impact of closing it, or null when the element is not on that lane's best route or was not checked. */
  impacts: (ElementImpact | null)[];
  /** Lanes left with no route when it closes. */
  lanesCut: number;
  /** Sum over the lanes it lies on of the objective cost lost (finite part only). */
  costLost: number;
}

export interface ResilienceMatrix {
  lanes: LaneOutcome[];
  /** Every element met on any lane's best route, ranked: most lanes cut, then cost lost summed over lanes. */
  elements: MatrixElement[];
}

/**
 * Single points of failure over several lanes. An element on several lanes'
 * best routes is checked once per lane (closing it may cut one lane and not
 * another). Lanes with no route at all are reported, not thrown.
 */
export function resilienceMatrix(
  p: PreparedNetwork,
  base: RouteQuery,
  lanes: readonly { from: string; to: string }[],
  opts: MatrixOptions,
): ResilienceMatrix {
  return runToEnd(resilienceMatrixSteps(p, base, lanes, opts));
}

export interface MatrixOptions extends ResilienceOptions {
  /** Most elements checked over all lanes together; lanes past it get fewer (their `unchecked` says which). */
  maxTotalElements: number;
}

/** resilienceMatrix one planning call at a time (see laneResilienceSteps). */
export function* resilienceMatrixSteps(
  p: PreparedNetwork,
  base: RouteQuery,
  lanes: readonly { from: string; to: string }[],
  opts: MatrixOptions,
): Generator<void, ResilienceMatrix> {
  const outcomes: LaneOutcome[] = [];
  let budget = opts.maxTotalElements;
  for (const { from, to } of lanes) {
    const q = { ...base, from, to };
    yield;
    if (bestRoute(p, q) === null) {
      outcomes.push({ from, to, resilience: null, reason: `no route from ${from} to ${to} with these constraints` });
      continue;
    }
    const r = yield* laneResilienceSteps(p, q, { maxElements: Math.min(opts.maxElements, budget) });
    budget -= r.impacts.length;
    outcomes.push({ from, to, resilience: r, reason: null });
  }
  const byKey = new Map<string, MatrixElement>();
  outcomes.forEach((o, lane) => {
    for (const impact of o.resilience?.impacts ?? []) {
      const k = key(impact.element);
      let m = byKey.get(k);
      if (!m) {
        m = { element: impact.element, impacts: lanes.map(() => null), lanesCut: 0, costLost: 0 };
        byKey.set(k, m);
      }
      m.impacts[lane] = impact;
      if (impact.route === null) m.lanesCut++;
      else m.costLost += impact.costLost!;
    }
  });
  const elements = [...byKey.values()]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.lanesCut - a.m.lanesCut || b.m.costLost - a.m.costLost || a.i - b.i)
    .map((e) => e.m);
  return { lanes: outcomes, elements };
}
