/**
 * Cost of the best route from one place to every place it can reach (for the
 * matrix and reachability views), under the same filters and objective as
 * planRoutes, so each entry equals planRoutes' best route.
 *
 * One single-source Dijkstra over the state graph gives the best path to every
 * state; when the best path to a place happens to visit some place twice (it
 * can, through two states of one place), that place alone is solved again with
 * the exact place-loopless search. `from` itself is not in the result.
 */
import { DomainError } from '../errors.js';
import { kShortestLooplessPaths, isGroupLoopless } from '../graph/k-shortest.js';
import { shortestPathsFrom } from '../graph/shortest-path.js';
import { assembleRoute } from './assemble-route.js';
import { checkAvoidIds, makeFilter, type FilterOptions } from './filters.js';
import type { PreparedNetwork } from './prepare.js';
import { buildQueryGraph, placeOfNode, SINK, SOURCE } from './query-graph.js';
import type { Objective, Route } from './route-types.js';

export type TravelCostOptions = FilterOptions & { objective: Objective };

export interface TravelCost {
  /** Typical hours of the best route. */
  hours: number;
  km: number;
  /** Borders crossed: legs whose two ends are in different countries. */
  crossings: number;
}

function toCost(p: PreparedNetwork, r: Route): TravelCost {
  let crossings = 0;
  for (const l of r.legs) if (p.index.countryOf(l.from) !== p.index.countryOf(l.to)) crossings++;
  return { hours: r.hours.total.typical, km: r.distanceKm, crossings };
}

export function travelCosts(p: PreparedNetwork, from: string, opts: TravelCostOptions): Map<string, TravelCost> {
  if (!p.index.placeById.has(from)) {
    throw new DomainError('UNKNOWN_PLACE', `from: no place with id "${from}"`, { field: 'from', value: from, suggestions: [] });
  }
  checkAvoidIds(p.index, opts);
  const filter = makeFilter(p.index, opts);
  const result = new Map<string, TravelCost>();
  if (!filter.placeAllowed(from) || opts.modes.length === 0) return result;

  const graph = buildQueryGraph(p, [from], filter, opts.objective, true);
  const paths = shortestPathsFrom(graph, SOURCE, 'w');
  const groupOf = (n: string): string => placeOfNode(graph, n);
  const best = new Map<string, { cost: number; edges: string[]; nodes: string[] }>();
  for (const [node, path] of paths) {
    if (node === SOURCE || !node.startsWith('0/a|')) continue;
    const place = groupOf(node);
    if (place === from) continue;
    const b = best.get(place);
    if (!b || path.cost < b.cost) best.set(place, path);
  }
  for (const [place, path] of best) {
    if (isGroupLoopless(path.nodes, groupOf)) {
      result.set(place, toCost(p, assembleRoute(p, graph, path.edges, opts.objective)));
      continue;
    }
    const stops = [from, place];
    const g2 = buildQueryGraph(p, stops, filter, opts.objective);
    const first = kShortestLooplessPaths(g2, SOURCE, SINK, 'w', (n) => placeOfNode(g2, n)).next();
    if (!first.done) result.set(place, toCost(p, assembleRoute(p, g2, first.value.edges, opts.objective)));
  }
  return result;
}
