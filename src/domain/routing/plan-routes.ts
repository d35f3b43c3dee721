/**
 * Best route and alternatives between two places, through via places in order.
 *
 * Exact method: Yen's k-shortest paths over the layered graph (one layer per
 * via stretch, see query-graph.ts and layered-search.ts), loopless in PLACES
 * across the whole route. The paths come out cheapest first; an alternative
 * is then dropped when more than maxOverlap of its km lies on links of a
 * better route already kept. With maxOverlap 1 the result is exactly the k
 * cheapest loopless routes. When the overlap filter drops candidates, at most
 * LIMITS.maxCandidatesScanned loopless paths are examined.
 *
 * Before any search, feasibility.ts may prove that no loopless route exists
 * (NO_ROUTE at once). Every search charges the request's work budget
 * (graph/budget.ts): past a limit, BUDGET_EXCEEDED names it.
 *
 * Two searches give the same answers: the fast one on the prepared typed
 * arrays with masks (the default), and the reference one with
 * graphology-shortest-path on a per-query graph (`reference: true`), against
 * which the fast one is checked in tests.
 */
import { BudgetExceededError, unlimitedBudget, type WorkBudget } from '../graph/budget.js';
import { DomainError } from '../errors.js';
import { kShortestLooplessPaths } from '../graph/k-shortest.js';
import { WeightError } from '../graph/shortest-path.js';
import { assembleSteps, type PathStep } from './assemble-route.js';
import { LIMITS } from './defaults.js';
import { provablyNoRoute } from './feasibility.js';
import { makeFilter } from './filters.js';
import { LayeredSearch } from './layered-search.js';
import type { PreparedNetwork } from './prepare.js';
import { buildQueryGraph, placeOfNode, SINK, SOURCE } from './query-graph.js';
import { layeredQuery, queryMaskFor } from './query-mask.js';
import type { Route, RouteQuery } from './route-types.js';
import { validatedStops } from './validate-query.js';

/** What the overlap filter reads of a route: its legs' links and km, and its km (a Route has them). */
export interface LinkKm {
  legs: readonly { linkId: string; km: number }[];
  distanceKm: number;
}

/** Share (0..1) of `alt`'s km on links that `kept` also uses (`keptLinks`: kept's link ids, when already at hand). */
export function overlapShare(alt: LinkKm, kept: LinkKm, keptLinks: ReadonlySet<string> = new Set(kept.legs.map((l) => l.linkId))): number {
  if (alt.distanceKm === 0) return 1;
  let shared = 0;
  for (const l of alt.legs) if (keptLinks.has(l.linkId)) shared += l.km;
  return shared / alt.distanceKm;
}

/**
 * The legs' links and km of a searched path, without assembling its route: the
 * km summed in leg order as assemble-route.ts sums distanceKm, so the overlap
 * share is the same to the last bit.
 */
function linkKmOf(p: PreparedNetwork, steps: readonly PathStep[]): LinkKm {
  const legs: { linkId: string; km: number }[] = [];
  let distanceKm = 0;
  for (const s of steps) {
    if (s.kind !== 'link' || s.ref < 0) continue;
    const link = p.traversals.link(s.ref);
    legs.push({ linkId: link.id, km: link.lengthKm });
    distanceKm += link.lengthKm;
  }
  return { legs, distanceKm };
}

export interface PlanOptions {
  /** Work budget of the request; unlimited when absent. */
  budget?: WorkBudget;
  /** Use the graphology reference search instead of the fast one. */
  reference?: boolean;
  /** Fast search only: force A* on (true) or off (false); by default it is on for large networks (layered-search.ts). */
  astar?: boolean;
}

const CHEAPER =
  'Ask a cheaper question: fewer alternatives, fewer via places, fewer included statuses (include), or maxOverlap 1.';

/** The DomainError a stopped search answers with. */
export function budgetError(err: BudgetExceededError): DomainError {
  const what =
    err.limit === 'deadlineMs'
      ? `planning took longer than the deadline of ${err.value} ms`
      : `planning needed more than the ${err.value.toLocaleString('en-US')} ${
          err.limit === 'settledNodes' ? 'settled graph nodes' : err.limit === 'spurSearches' ? 'spur searches' : 'candidate paths'
        } one request may use`;
  return new DomainError('BUDGET_EXCEEDED', `${what}. ${CHEAPER}`, { limit: err.limit, value: err.value, used: err.used });
}

/** Runs fn; a budget stop becomes BUDGET_EXCEEDED. */
export function withinBudget<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BudgetExceededError) throw budgetError(err);
    throw err;
  }
}

export function planRoutes(p: PreparedNetwork, q: RouteQuery, options: PlanOptions = {}): Route[] {
  const stops = validatedStops(p.index, q);
  const budget = options.budget ?? unlimitedBudget();
  const mask = queryMaskFor(p, q);
  const bad = p.space.badWeight[q.objective];
  if (bad !== null) throw new WeightError(bad.edge, bad.value);
  const infeasible = provablyNoRoute(p, stops, mask);
  if (infeasible !== null) throw noRoute(q, infeasible.reason);

  // Candidates are filtered on their links and km alone; only the kept ones are assembled into routes.
  const kept: { steps: readonly PathStep[]; linkKm: LinkKm; links: ReadonlySet<string> }[] = [];
  let scanned = 0;
  const consider = (steps: readonly PathStep[]): boolean => {
    scanned++;
    const linkKm = linkKmOf(p, steps);
    if (kept.every((k) => overlapShare(linkKm, k.linkKm, k.links) <= q.maxOverlap)) {
      kept.push({ steps, linkKm, links: new Set(linkKm.legs.map((l) => l.linkId)) });
    }
    return kept.length >= q.alternatives || scanned >= Math.max(LIMITS.maxCandidatesScanned, q.alternatives);
  };
  withinBudget(() => {
    if (options.reference) {
      const graph = buildQueryGraph(p, stops, makeFilter(p.index, q), q.objective);
      const groupOf = (n: string): string => placeOfNode(graph, n);
      for (const path of kShortestLooplessPaths(graph, SOURCE, SINK, 'w', groupOf, { budget })) {
        if (consider(path.edges.map((key) => graph.getEdgeAttributes(key)))) break;
      }
    } else {
      const search = new LayeredSearch(layeredQuery(p, stops, mask, q.objective), budget, options.astar === undefined ? {} : { astar: options.astar });
      for (const path of search.kShortest()) {
        if (consider(path.edges.map((e) => search.step(e)))) break;
      }
    }
  });
  if (kept.length === 0) throw noRoute(q);
  return kept.map((k) => assembleSteps(p, k.steps, q.objective));
}

function noRoute(q: RouteQuery, reason?: string): DomainError {
  return new DomainError(
    'NO_ROUTE',
    `no route from ${q.from} to ${q.to}${q.via.length ? ` via ${q.via.join(', ')}` : ''} with these constraints`,
    // The proof, when the feasibility check found one before any search.
    { from: q.from, to: q.to, via: q.via, ...(reason ? { reason } : {}) },
  );
}
