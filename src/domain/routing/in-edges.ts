/**
 * In-edges of each base node of a search space (reverse CSR), built once per
 * space on first use and kept beside it: searches toward a node read them.
 */
import { reverseCsr, type InEdges } from './reverse-csr.js';
import type { SearchSpace } from './search-space.js';

const built = new WeakMap<SearchSpace, InEdges>();

export function inEdgesOf(sp: SearchSpace): InEdges {
  let r = built.get(sp);
  if (r === undefined) {
    r = reverseCsr(sp.nodeCount, sp.edgeTarget);
    built.set(sp, r);
  }
  return r;
}

