/**
 * Best route and alternatives between two places, through via places in order.
 *
 * Exact method: Yen's k-shortest paths over the layered query graph (one layer
 * per via stretch, see query-graph.ts), loopless in PLACES across the whole
 * route (graph/k-shortest.ts). The paths come out cheapest first; an
 * alternative is then dropped when more than maxOverlap of its km lies on links
 * of a better route already kept. With maxOverlap 1 the result is exactly the
 * k cheapest loopless routes. When the overlap filter drops candidates, at most
 * LIMITS.maxCandidatesScanned loopless paths are examined.
 */
import { DomainError } from '../errors.js';
import { kShortestLooplessPaths } from '../graph/k-shortest.js';
import { assembleRoute } from './assemble-route.js';
import { LIMITS } from './defaults.js';
import { makeFilter } from './filters.js';
import type { PreparedNetwork } from './prepare.js';
import { buildQueryGraph, placeOfNode, SINK, SOURCE } from './query-graph.js';
import type { Route, RouteQuery } from './route-types.js';
import { validateQuery } from './validate-query.js';

/** Share (0..1) of `alt`'s km on links that `kept` also uses. */
export function overlapShare(alt: Route, kept: Route): number {
  if (alt.distanceKm === 0) return 1;
  const used = new Set(kept.legs.map((l) => l.linkId));
  let shared = 0;
  for (const l of alt.legs) if (used.has(l.linkId)) shared += l.km;
  return shared / alt.distanceKm;
}

export function planRoutes(p: PreparedNetwork, q: RouteQuery): Route[] {
  const stops = validateQuery(p.index, q);
  const graph = buildQueryGraph(p, stops, makeFilter(p.index, q), q.objective);
  const groupOf = (n: string): string => placeOfNode(n, stops);

  const kept: Route[] = [];
  let scanned = 0;
  for (const path of kShortestLooplessPaths(graph, SOURCE, SINK, 'w', groupOf)) {
    scanned++;
    const route = assembleRoute(p, graph, path.edges, q.objective);
    if (kept.every((k) => overlapShare(route, k) <= q.maxOverlap)) kept.push(route);
    if (kept.length >= q.alternatives || scanned >= Math.max(LIMITS.maxCandidatesScanned, q.alternatives)) break;
  }
  if (kept.length === 0) {
    throw new DomainError('NO_ROUTE', `no route from ${q.from} to ${q.to}${q.via.length ? ` via ${q.via.join(', ')}` : ''} with these constraints`, {
      from: q.from,
      to: q.to,
      via: q.via,
    });
  }
  return kept;
}
