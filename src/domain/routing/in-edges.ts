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
    r = reverseCsr(sp.nodeCount, sp.edgeTarget);
    built.set(sp, r);
  }
  return r;
}

/** In-edges of each of `nodeCount` nodes, given each edge's target (the landmark build uses it on its own arrays). */
export function reverseCsr(nodeCount: number, edgeTarget: Int32Array): InEdges {
  const N = nodeCount;
  const M = edgeTarget.length;
  const inStart = new Int32Array(N + 1);
  for (let e = 0; e < M; e++) inStart[edgeTarget[e]! + 1]!++;
  for (let v = 0; v < N; v++) inStart[v + 1]! += inStart[v]!;
  const fill = inStart.slice(0, N);
  const inEdge = new Int32Array(M);
  for (let e = 0; e < M; e++) inEdge[fill[edgeTarget[e]!]!++] = e;
  return { inStart, inEdge };
}
