/**
 * In-edges of each base node of a search space (reverse CSR), built once per
 * space on first use and kept beside it: searches toward a node read them.
 */
import type { SearchSpace } from './search-space.js';

export interface InEdges {
  /** In-edges of node n: inEdge[inStart[n] .. inStart[n + 1]). */
  inStart: Int32Array;
  inEdge: Int32Array;
}

const built = new WeakMap<SearchSpace, InEdges>();

export function inEdgesOf(sp: SearchSpace): InEdges {
  let r = built.get(sp);
  if (r === undefined) {
    const N = sp.nodeCount;
    const M = sp.edgeCount;
    const inStart = new Int32Array(N + 1);
    for (let e = 0; e < M; e++) inStart[sp.edgeTarget[e]! + 1]!++;
    for (let v = 0; v < N; v++) inStart[v + 1]! += inStart[v]!;
    const fill = inStart.slice(0, N);
    const inEdge = new Int32Array(M);
    for (let e = 0; e < M; e++) inEdge[fill[sp.edgeTarget[e]!]!++] = e;
    r = { inStart, inEdge };
    built.set(sp, r);
  }
  return r;
}
