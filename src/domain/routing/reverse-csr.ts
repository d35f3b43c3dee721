/**
 * In-edges of each node of a graph in CSR form (reverse CSR), from each
 * edge's target. Imports nothing: the landmark build, which runs on a worker
 * thread with plain arrays, and in-edges.ts both use it.
 */
export interface InEdges {
  /** In-edges of node n: inEdge[inStart[n] .. inStart[n + 1]). */
  inStart: Int32Array;
  inEdge: Int32Array;
}

/** In-edges of each of `nodeCount` nodes, given each edge's target. */
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
