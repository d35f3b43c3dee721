/**
 * A query's filter (filters.ts) as masks over the search space: which places
 * and which links it may use. Built per query in one pass over places and links:
 * queryMask evaluates the filter itself (kept as the reference), queryMaskFor
 * reads the same decisions off typed arrays.
 */
import type { FilterOptions, LinkFilter } from './filters.js';
import { maskFor } from './mask-facts.js';
import type { PreparedNetwork } from './prepare.js';
import type { LayeredQuery } from './layered-search.js';
import type { Objective } from './route-types.js';
import type { SearchSpace } from './search-space.js';

export interface QueryMask {
  placeOk: Uint8Array;
  linkOk: Uint8Array;
}

export function queryMask(p: PreparedNetwork, filter: LinkFilter): QueryMask {
  const sp = p.space;
  const placeOk = new Uint8Array(sp.placeIds.length);
  sp.placeIds.forEach((id, i) => (placeOk[i] = filter.placeAllowed(id) ? 1 : 0));
  const linkOk = new Uint8Array(p.network.links.length);
  p.network.links.forEach((l, i) => (linkOk[i] = filter.linkAllowed(l) ? 1 : 0));
  return { placeOk, linkOk };
}

/** The same masks as queryMask(p, makeFilter(p.index, o)), from the prepared typed arrays (mask-facts.ts). */
export function queryMaskFor(p: PreparedNetwork, o: FilterOptions): QueryMask {
  return maskFor(p.maskFacts, o);
}

/** The layered query over stops (from, via…, to), or one open layer from stops[0]. */
export function layeredQuery(p: PreparedNetwork, stops: readonly string[], mask: QueryMask, objective: Objective, openEnd = false): LayeredQuery {
  const sp = p.space;
  const idx = Int32Array.from(stops, (s) => sp.placeIndex.get(s)!);
  const isStop = new Uint8Array(sp.placeIds.length);
  for (const s of idx) isStop[s] = 1;
  return {
    space: sp,
    stops: idx,
    layers: openEnd ? 1 : stops.length - 1,
    openEnd,
    placeOk: mask.placeOk,
    linkOk: mask.linkOk,
    isStop,
    objective,
    w: sp.weights[objective],
    ...terminalWeights(sp, objective),
  };
}

const noTerminalWeights = new WeakMap<SearchSpace, Float64Array>();

/** Terminal time as a weight: hours for fastest and fewest-borders (borders × 1e6 + h), nothing for shortest (km). */
function terminalWeights(sp: SearchSpace, objective: Objective): { originW: Float64Array; destinationW: Float64Array } {
  if (objective !== 'shortest') return { originW: sp.originHours, destinationW: sp.destinationHours };
  let zero = noTerminalWeights.get(sp);
  if (!zero) {
    zero = new Float64Array(sp.nodeCount);
    noTerminalWeights.set(sp, zero);
  }
  return { originW: zero, destinationW: zero };
}
