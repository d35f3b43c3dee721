/**
 * Landmark lower bounds (ALT) for the A* of the fast search (layered-search.ts).
 *
 * A few landmark nodes L are chosen by farthest-point selection; for each, the
 * exact costs d(L, n) and d(n, L) to and from every base node n are computed
 * once, per objective, on the whole prepared state graph (every link of any
 * status, every transfer). By the triangle inequality, for any node n and
 * target node t:
 *   d(n, t) ≥ d(n, L) − d(t, L)   and   d(n, t) ≥ d(L, t) − d(L, n).
 * A query only ever removes edges from that graph (status, mode, avoid and
 * via masks, the layering, Yen's blocks) and never changes an edge's weight
 * (every search reads space.weights[objective] as prepared; the source and
 * sink edges, which carry terminal time, are outside the base graph and only
 * add ≥ 0). Removing edges can only raise d(n, t), so the bound stays a lower
 * bound under every mask. Each term is a potential (a distance plus a
 * constant), so it is also consistent: A* with a closed set stays exact.
 *
 * Unreachable is Infinity: when every target node reaches L but n does not
 * (or L reaches n but no target node), n cannot reach the target at all.
 */
import type { Objective } from './route-types.js';
import { reverseCsr } from './reverse-csr.js';

/** Landmarks kept per network: each costs 2 × 3 objectives × 8 bytes per base node. */
export const LANDMARK_COUNT = 4;

/** Relative slack taken off each bound term, so floating-point rounding of the sums never lifts it above the true cost. */
export const LANDMARK_SLACK = 1e-9;

export interface Landmarks {
  /** Number of landmarks (K). */
  count: number;
  /** Base node of each landmark. */
  nodes: Int32Array;
  /** Per objective, d(L_k, n) at [n × K + k] (Infinity: unreachable). */
  from: Readonly<Record<Objective, Float64Array>>;
  /** Per objective, d(n, L_k) at [n × K + k] (Infinity: unreachable). */
  to: Readonly<Record<Objective, Float64Array>>;
}

/**
 * What buildLandmarks reads of a search space: plain typed arrays, so the build can run on a worker thread
 * (workers/landmarks-off-thread.ts) from a copy.
 */
export interface LandmarkInput {
  nodeCount: number;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  outStart: Int32Array;
  outEdge: Int32Array;
  weights: Readonly<Record<Objective, Float64Array>>;
}

/** No landmarks: every landmark bound is 0, so A* runs on the great-circle bound alone (still exact). */
export function noLandmarks(objectives: readonly Objective[]): Landmarks {
  const empty = Object.fromEntries(objectives.map((o) => [o, new Float64Array(0)])) as Record<Objective, Float64Array>;
  return { count: 0, nodes: new Int32Array(0), from: empty, to: empty };
}

/** Work arrays of the landmark Dijkstras, allocated once per build (the heap holds at most one entry per edge, plus the start). */
interface Work {
  dist: Float64Array;
  done: Uint8Array;
  heapNode: Int32Array;
  heapKey: Float64Array;
}

/** Plain Dijkstra over a CSR (adjStart/adjEdge, the far end of edge e is other[e]), from one node, into work.dist; Infinity where unreachable. */
function dijkstra(work: Work, start: number, adjStart: Int32Array, adjEdge: Int32Array, other: Int32Array, w: Float64Array): Float64Array {
  const { dist, done, heapNode, heapKey } = work;
  dist.fill(Infinity);
  done.fill(0);
  let size = 0;
  dist[start] = 0;
  heapNode[0] = start;
  heapKey[0] = 0;
  size = 1;
  while (size > 0) {
    const u: number = heapNode[0]!;
    // Pop: move the last entry down from the root.
    const last = --size;
    const lastN = heapNode[last]!;
    const lastK = heapKey[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && heapKey[c + 1]! < heapKey[c]!) c++;
      if (heapKey[c]! >= lastK) break;
      heapNode[i] = heapNode[c]!;
      heapKey[i] = heapKey[c]!;
      i = c;
    }
    heapNode[i] = lastN;
    heapKey[i] = lastK;
    if (done[u] === 1) continue;
    done[u] = 1;
    const du = dist[u]!;
    for (let k: number = adjStart[u]!, stop = adjStart[u + 1]!; k < stop; k++) {
      const e: number = adjEdge[k]!;
      const t = other[e]!;
      const d = du + w[e]!;
      if (d < dist[t]!) {
        dist[t] = d;
        // Push.
        let j = size++;
        while (j > 0) {
          const p = (j - 1) >> 1;
          if (heapKey[p]! <= d) break;
          heapNode[j] = heapNode[p]!;
          heapKey[j] = heapKey[p]!;
          j = p;
        }
        heapNode[j] = t;
        heapKey[j] = d;
      }
    }
  }
  return dist;
}

/**
 * True when objective o may use the landmark costs of `by`: every edge weighs at least as much under o as under
 * `by`, so every path costs at least as much, and a lower bound on `by`'s cost is one on o's (and the potential
 * stays consistent: its step is at most w_by(e) ≤ w_o(e)). Fewest-borders (borders × 1e6 + h) over fastest (h)
 * is the case: it saves a third of the landmark searches at prepare.
 */
export function dominates(weights: Readonly<Record<Objective, Float64Array>>, o: Objective, by: Objective): boolean {
  const a = weights[o];
  const b = weights[by];
  for (let e = 0; e < a.length; e++) if (!(a[e]! >= b[e]!)) return false;
  return true;
}

/**
 * Landmarks by farthest-point selection on the first objective's forward costs: the first is the node farthest
 * from node 0, each next the node farthest from the landmarks so far (an unreachable node first: it starts a
 * part of the graph no landmark covers yet). Costs are computed for each objective, except one listed in
 * `reuse` whose weights dominate (see dominates) the objective it names: it shares that one's tables.
 */
export function buildLandmarks(
  objectives: readonly Objective[],
  reuse: Partial<Record<Objective, Objective>>,
  nodeCount: number,
  edgeSource: Int32Array,
  edgeTarget: Int32Array,
  outStart: Int32Array,
  outEdge: Int32Array,
  weights: Readonly<Record<Objective, Float64Array>>,
  count = LANDMARK_COUNT,
): Landmarks {
  const N = nodeCount;
  const K = Math.min(count, N);
  const M = edgeSource.length;
  // Reverse CSR: in-edges of each node, for the costs d(n, L).
  const { inStart, inEdge } = reverseCsr(N, edgeTarget);

  const own = objectives.filter((o) => {
    const by = reuse[o];
    return by === undefined || !objectives.includes(by) || reuse[by] !== undefined || !dominates(weights, o, by);
  });
  const from = {} as Record<Objective, Float64Array>;
  const to = {} as Record<Objective, Float64Array>;
  for (const o of own) {
    from[o] = new Float64Array(N * K);
    to[o] = new Float64Array(N * K);
  }
  for (const o of objectives) {
    if (own.includes(o)) continue;
    from[o] = from[reuse[o]!]!;
    to[o] = to[reuse[o]!]!;
  }
  const nodes = new Int32Array(K);
  const work: Work = { dist: new Float64Array(N), done: new Uint8Array(N), heapNode: new Int32Array(M + 1), heapKey: new Float64Array(M + 1) };
  // Cost from the nearest landmark chosen so far to each node (first objective, forward).
  const nearest = new Float64Array(N).fill(Infinity);
  if (N > 0) nearest.set(dijkstra(work, 0, outStart, outEdge, edgeTarget, weights[own[0]!]));
  for (let k = 0; k < K; k++) {
    let pick = 0;
    let far = -1;
    for (let v = 0; v < N; v++) {
      const s = nearest[v]!;
      if (s > far) {
        far = s;
        pick = v;
        if (s === Infinity) break;
      }
    }
    if (k === 0) nearest.fill(Infinity);
    nodes[k] = pick;
    for (const o of own) {
      const f = dijkstra(work, pick, outStart, outEdge, edgeTarget, weights[o]);
      const fo = from[o];
      for (let v = 0; v < N; v++) fo[v * K + k] = f[v]!;
      if (o === own[0]) for (let v = 0; v < N; v++) if (f[v]! < nearest[v]!) nearest[v] = f[v]!;
      const t = dijkstra(work, pick, inStart, inEdge, edgeSource, weights[o]);
      const tofo = to[o];
      for (let v = 0; v < N; v++) tofo[v * K + k] = t[v]!;
    }
  }
  return { count: K, nodes, from, to };
}

/**
 * The bound per landmark for a target place, from its nodes: max over them of d(t, L) and min of d(L, t),
 * written at [k] of toMax and fromMin (a lower bound for reaching any one of them).
 */
export function targetTerms(lm: Landmarks, objective: Objective, targetNodes: readonly Int32Array[], toMax: Float64Array, fromMin: Float64Array, at: number): void {
  const K = lm.count;
  const lt = lm.to[objective];
  const lf = lm.from[objective];
  for (let k = 0; k < K; k++) {
    let mx = -Infinity;
    let mn = Infinity;
    for (const list of targetNodes) {
      for (const t of list) {
        const a = lt[t * K + k]!;
        if (a > mx) mx = a;
        const b = lf[t * K + k]!;
        if (b < mn) mn = b;
      }
    }
    toMax[at + k] = mx;
    fromMin[at + k] = mn;
  }
}

/** Lower bound of the cost from base node n to the target whose terms start at `at` (see targetTerms); ≥ 0, may be Infinity. */
export function landmarkBound(lm: Landmarks, objective: Objective, n: number, toMax: Float64Array, fromMin: Float64Array, at: number): number {
  const K = lm.count;
  const lt = lm.to[objective];
  const lf = lm.from[objective];
  const base = n * K;
  let best = 0;
  for (let k = 0; k < K; k++) {
    const big = toMax[at + k]!;
    if (big !== Infinity && big !== -Infinity) {
      const a = lt[base + k]!;
      if (a === Infinity) return Infinity;
      const b = a - big - LANDMARK_SLACK * a;
      if (b > best) best = b;
    }
    const c = lf[base + k]!;
    if (c !== Infinity) {
      const small = fromMin[at + k]!;
      if (small === Infinity) return Infinity;
      const b = small - c - LANDMARK_SLACK * small;
      if (b > best) best = b;
    }
  }
  return best;
}
