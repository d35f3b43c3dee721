/**
 * The fast search: Dijkstra and Yen's k-shortest loopless paths over the
 * prepared search space (search-space.ts), with every per-query restriction
 * applied by masks, never by copying the graph.
 *
 * It searches the same layered graph query-graph.ts builds for the library
 * search, without building it: node v = layer × N + n stands for base node n
 * in the stretch `layer` (stops[layer] → stops[layer + 1]); S = L × N is the
 * source, T = L × N + 1 the sink. An edge of layer l exists when
 *  - a link edge: both places are in the layer (allowed by the filter, and no
 *    stop but the stretch's own two), its link is allowed, it does not enter
 *    the stretch's start nor leave its end;
 *  - a transfer edge: at a place in the layer that is not the stretch's start;
 *    at the stretch's end it joins this layer's arrival to the next layer's
 *    departure (the via connector), and the last layer's end has none;
 *  - S → every departure node of `from` in layer 0; every arrival node of `to`
 *    in the last layer → T, costing the terminal time at that end in that state
 *    (q.originW, q.destinationW), as the query graph's source and sink edges.
 * Edge ids: l × M + e for base edge e in layer l (the connector leaving layer l
 * takes the id of its base edge in layer l, which no other edge of the layer
 * uses); L × M + n for the sink edge of node n; L × M + N + n for the source
 * edge to node n.
 *
 * Yen's algorithm (Lawler's variant) is that of graph/k-shortest.ts, with
 * "loopless" about PLACES, and the same restrictions (root nodes, the places
 * the root has left, the next edge of every found path with the same root,
 * edges into the spur's place from outside) set as stamps in typed arrays.
 * Costs are summed edge by edge in path order, as the library path does, so
 * both rank paths alike. The spur searches are A* on the exact cost to the
 * sink, found by one search backwards (costsToSink) once a second path is
 * wanted: a spur search then settles little beyond the path it finds, and
 * skips every node from which the sink cannot be reached at all. On 100k-
 * place grids that also answers 5 alternatives that the landmark bound left
 * over the settled-node budget.
 */
import type { WorkBudget } from '../graph/budget.js';
import { greatCircleKm } from './geo-bound.js';
import { inEdgesOf } from './in-edges.js';
import { landmarkBound, targetTerms, type Landmarks } from './landmarks.js';
import type { PathStep } from './assemble-route.js';
import type { Objective } from './route-types.js';
import type { SearchSpace } from './search-space.js';

/** The per-query masks and stops. */
export interface LayeredQuery {
  space: SearchSpace;
  /** Place index of each stop: from, via…, to (only `from` with openEnd). */
  stops: Int32Array;
  /** Layers: stops − 1, or 1 with openEnd. */
  layers: number;
  openEnd: boolean;
  placeOk: Uint8Array;
  linkOk: Uint8Array;
  isStop: Uint8Array;
  objective: Objective;
  /** Edge weights of the query's objective. */
  w: Float64Array;
  /** Weight of the source edge into departure node n and of the sink edge from arrival node n (terminal time). */
  originW: Float64Array;
  destinationW: Float64Array;
}

export interface LayeredPath {
  nodes: number[];
  edges: number[];
  edgeCosts: number[];
  cost: number;
}

/**
 * Base nodes from which searches toward the sink are A* with the larger of the
 * great-circle bound (geo-bound.ts) and the landmark bound (landmarks.ts)
 * instead of plain Dijkstra. On the real network (482
 * nodes) A* saved nothing measurable (best route 0.27 against 0.23 ms CPU
 * median, 5 alternatives 2.36 against 2.28 ms), so small networks keep plain
 * Dijkstra, which meets equal-cost ties in the graphology reference's order;
 * on 100k-place grids the great-circle bound alone saved about a third of
 * the settled nodes; with the landmarks the best route takes 24 ms CPU median
 * instead of 94 ms (npm run bench -- --only=scale, on a loaded machine).
 */
export const ASTAR_MIN_NODES = 20_000;

export interface SearchOptions {
  /** A* toward the sink: default when the network has ASTAR_MIN_NODES base nodes or more. */
  astar?: boolean;
}

/** Restrictions of one spur search, valid where the arrays hold the current stamp. */
interface Blocks {
  stamp: number;
  node: Int32Array;
  place: Int32Array;
  edges: Set<number>;
  /** Place whose nodes may not be entered from another place; -1 for none. */
  spurPlace: number;
}

export class LayeredSearch {
  readonly source: number;
  readonly sink: number;
  private readonly n: number;
  private readonly m: number;
  private readonly dist: Float64Array;
  private readonly seenStamp: Int32Array;
  private readonly doneStamp: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly predNode: Int32Array;
  private stamp = 0;
  /** Nodes in the order the last run settled them (the first `settledCount`). */
  readonly settleOrder: Int32Array;
  settledCount = 0;
  private heapNode = new Int32Array(1024);
  private heapKey = new Float64Array(1024);
  private heapSize = 0;
  /** A* bound per (layer, base node); NaN until computed (null: searches are plain Dijkstra). */
  private readonly bound: Float64Array | null;
  /** Lower bound of the stretches after layer l (from stop l + 1 to the end). */
  private readonly boundRest: Float64Array;
  private readonly boundFactor: number;
  /** Landmark terms of each layer's end place, at [l × K ..] (landmarks.ts); null without A*. */
  private readonly landmarks: Landmarks | null;
  private readonly endToMax: Float64Array;
  private readonly endFromMin: Float64Array;

  constructor(
    readonly q: LayeredQuery,
    private readonly budget: WorkBudget,
    options: SearchOptions = {},
  ) {
    this.n = q.space.nodeCount;
    const sp = q.space;
    this.boundFactor = sp.boundFactor[q.objective];
    const astar = !q.openEnd && this.boundFactor > 0 && (options.astar ?? sp.nodeCount >= ASTAR_MIN_NODES);
    this.bound = astar ? new Float64Array(q.layers * this.n).fill(NaN) : null;
    this.boundRest = new Float64Array(q.layers);
    this.landmarks = astar ? sp.landmarks : null;
    const K = sp.landmarks.count;
    this.endToMax = new Float64Array(astar ? q.layers * K : 0);
    this.endFromMin = new Float64Array(astar ? q.layers * K : 0);
    if (astar) {
      for (let l = 0; l < q.layers; l++) {
        const end = q.stops[l + 1]!;
        targetTerms(sp.landmarks, q.objective, [sp.depNodes[end]!, sp.arrNodes[end]!], this.endToMax, this.endFromMin, l * K);
      }
      // The rest after layer l: the least bound of layer l + 1 over the nodes of its start place (where the via
      // connector enters it), so the bound stays consistent across the connector.
      for (let l = q.layers - 2; l >= 0; l--) {
        const via = q.stops[l + 1]!;
        let least = Infinity;
        for (const list of [sp.depNodes[via]!, sp.arrNodes[via]!]) for (const n of list) least = Math.min(least, this.stretchBound(l + 1, n));
        this.boundRest[l] = this.boundRest[l + 1]! + least;
      }
    }
    this.m = q.space.edgeCount;
    const v = q.layers * this.n + 2;
    this.source = v - 2;
    this.sink = v - 1;
    this.dist = new Float64Array(v);
    this.seenStamp = new Int32Array(v);
    this.doneStamp = new Int32Array(v);
    this.predEdge = new Int32Array(v);
    this.predNode = new Int32Array(v);
    this.settleOrder = new Int32Array(v);
  }

  private gcBound(a: number, b: number): number {
    const sp = this.q.space;
    return this.boundFactor * greatCircleKm(sp.lat[a]!, sp.lon[a]!, sp.lat[b]!, sp.lon[b]!);
  }

  /**
   * Lower bound of the cost from base node n to the end of stretch l: the larger of factor × great-circle km
   * (geo-bound.ts) and the landmark bound (landmarks.ts). Both are consistent, so their maximum is too.
   */
  private stretchBound(l: number, n: number): number {
    const sp = this.q.space;
    const geo = this.gcBound(sp.nodePlace[n]!, this.q.stops[l + 1]!);
    const alt = landmarkBound(this.landmarks!, this.q.objective, n, this.endToMax, this.endFromMin, l * this.landmarks!.count);
    return alt > geo ? alt : geo;
  }

  /** The A* bound of node v: the bound to the end of its stretch, plus the stretches after it. */
  private h(v: number): number {
    const exact = this.toSink;
    if (exact !== null) return exact[v]!;
    if (v >= this.source) return 0;
    const bound = this.bound!;
    let b = bound[v]!;
    if (b !== b) {
      const l = (v / this.n) | 0;
      b = this.stretchBound(l, v - l * this.n) + this.boundRest[l]!;
      bound[v] = b;
    }
    return b;
  }

  /** Predecessor node and edge of v on the last run's tree (−1 at its root). */
  parentOf(v: number): number {
    return this.predNode[v]!;
  }

  parentEdgeOf(v: number): number {
    return this.predEdge[v]!;
  }

  /** True when the tree path to v (last run) never comes back to a place it has left. */
  looplessTo(v: number, placeSeen: Int32Array, mark: number): boolean {
    let current = -1;
    for (let x = v; x !== -1; x = this.predNode[x]!) {
      const g = this.placeOf(x);
      if (g === current) continue;
      if (placeSeen[g] === mark) return false;
      placeSeen[g] = mark;
      current = g;
    }
    return true;
  }

  placeOf(v: number): number {
    const q = this.q;
    if (v === this.source) return q.stops[0]!;
    if (v === this.sink) return q.stops[q.stops.length - 1]!;
    return q.space.nodePlace[v % this.n]!;
  }

  private inLayer(l: number, place: number): boolean {
    const q = this.q;
    if (q.placeOk[place] === 0) return false;
    if (q.isStop[place] === 0) return true;
    return place === q.stops[l] || (!q.openEnd && place === q.stops[l + 1]);
  }

  /** Calls visit(edgeId, target, weight) for every out-edge of v in the query's layered graph. */
  forEachOut(v: number, visit: (edge: number, target: number, weight: number) => void): void {
    const q = this.q;
    const sp = q.space;
    const N = this.n;
    const LM = q.layers * this.m;
    if (v === this.sink) return;
    if (v === this.source) {
      const from = q.stops[0]!;
      if (!this.inLayer(0, from)) return;
      for (const n of sp.depNodes[from]!) visit(LM + N + n, n, q.originW[n]!);
      return;
    }
    const l = (v / N) | 0;
    const n = v - l * N;
    const start = q.stops[l]!;
    const end = q.openEnd ? -1 : q.stops[l + 1]!;
    const fromPlace = sp.nodePlace[n]!;
    if (end === fromPlace && l === q.layers - 1 && sp.nodeIsArrival[n] === 1) visit(LM + n, this.sink, q.destinationW[n]!);
    // The same for every out-edge of n: whether its own place is in the layer.
    const fromIn = this.inLayer(l, fromPlace);
    for (let k = sp.outStart[n]!, stop = sp.outStart[n + 1]!; k < stop; k++) {
      const e = sp.outEdge[k]!;
      const t = sp.edgeTarget[e]!;
      if (sp.edgeKind[e] === 0) {
        const toPlace = sp.nodePlace[t]!;
        if (toPlace === start || fromPlace === end) continue;
        if (q.linkOk[sp.edgeLink[e]!] === 0 || !fromIn || !this.inLayer(l, toPlace)) continue;
        visit(l * this.m + e, l * N + t, q.w[e]!);
      } else {
        if (fromPlace === start) continue;
        if (fromPlace === end) {
          if (l + 1 < q.layers) visit(l * this.m + e, (l + 1) * N + t, q.w[e]!);
          continue;
        }
        if (!fromIn) continue;
        visit(l * this.m + e, l * N + t, q.w[e]!);
      }
    }
  }

  /**
   * Calls visit(edgeId, source, weight) for every in-edge of v in the query's layered graph: exactly the edges
   * forEachOut gives, seen from their other end (source edges excepted: nothing searches back to the source).
   */
  forEachIn(v: number, visit: (edge: number, source: number, weight: number) => void): void {
    const q = this.q;
    const sp = q.space;
    const N = this.n;
    const M = this.m;
    if (v === this.source || q.openEnd) return;
    if (v === this.sink) {
      const l = q.layers - 1;
      const LM = q.layers * M;
      for (const n of sp.arrNodes[q.stops[l + 1]!]!) visit(LM + n, l * N + n, q.destinationW[n]!);
      return;
    }
    const l = (v / N) | 0;
    const t = v - l * N;
    const start = q.stops[l]!;
    const end = q.stops[l + 1]!;
    const toPlace = sp.nodePlace[t]!;
    const { inStart, inEdge } = inEdgesOf(sp);
    for (let k = inStart[t]!, stop = inStart[t + 1]!; k < stop; k++) {
      const e = inEdge[k]!;
      const s = sp.edgeSource[e]!;
      const fromPlace = sp.nodePlace[s]!;
      if (sp.edgeKind[e] === 0) {
        if (toPlace === start || fromPlace === end) continue;
        if (q.linkOk[sp.edgeLink[e]!] === 0 || !this.inLayer(l, fromPlace) || !this.inLayer(l, toPlace)) continue;
        visit(l * M + e, l * N + s, q.w[e]!);
        continue;
      }
      // A transfer within layer l, or the via connector from layer l − 1 (its end is this layer's start).
      if (fromPlace !== start && fromPlace !== end && this.inLayer(l, fromPlace)) visit(l * M + e, l * N + s, q.w[e]!);
      if (l > 0 && fromPlace === start && fromPlace !== q.stops[l - 1]) visit((l - 1) * M + e, (l - 1) * N + s, q.w[e]!);
    }
  }

  /**
   * Exact cost from every node to the sink in the query's graph (one search backwards), Infinity where the sink
   * is out of reach. Spur searches only ever remove edges and nodes, so this stays a consistent A* bound for them.
   */
  costsToSink(): Float64Array {
    const V = this.sink + 1;
    const out = new Float64Array(V).fill(Infinity);
    this.run(this.sink, -1, null, Infinity, true);
    for (let i = 0; i < this.settledCount; i++) {
      const v = this.settleOrder[i]!;
      out[v] = this.dist[v]!;
    }
    return out;
  }

  /** The path step of an edge id (ref −1 for source and sink edges). */
  step(edge: number): PathStep {
    const LM = this.q.layers * this.m;
    if (edge >= LM) return { kind: 'transfer', ref: -1, layer: -1 };
    const l = (edge / this.m) | 0;
    const e = edge - l * this.m;
    const sp = this.q.space;
    // A via connector leaves layer l for l + 1; only link steps use the layer (legStretch).
    return { kind: sp.edgeKind[e] === 0 ? 'link' : 'transfer', ref: sp.edgeRef[e]!, layer: l };
  }

  private push(v: number, key: number): void {
    if (this.heapSize === this.heapNode.length) {
      const nn = new Int32Array(this.heapSize * 2);
      nn.set(this.heapNode);
      this.heapNode = nn;
      const nk = new Float64Array(this.heapSize * 2);
      nk.set(this.heapKey);
      this.heapKey = nk;
    }
    let i = this.heapSize++;
    const hn = this.heapNode;
    const hk = this.heapKey;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (hk[parent]! <= key) break;
      hn[i] = hn[parent]!;
      hk[i] = hk[parent]!;
      i = parent;
    }
    hn[i] = v;
    hk[i] = key;
  }

  private pop(): number {
    const hn = this.heapNode;
    const hk = this.heapKey;
    const top = hn[0]!;
    const size = --this.heapSize;
    const lastN = hn[size]!;
    const lastK = hk[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hk[c + 1]! < hk[c]!) c++;
      if (hk[c]! >= lastK) break;
      hn[i] = hn[c]!;
      hk[i] = hk[c]!;
      i = c;
    }
    hn[i] = lastN;
    hk[i] = lastK;
    return top;
  }

  /**
   * Dijkstra from `from`; stops when `to` is settled (to < 0: settles all, or
   * stops beyond maxCost). Blocked nodes, places and edges are never entered.
   * Returns the stamp under which dist/pred are valid.
   */
  run(from: number, to: number, blocks: Blocks | null, maxCost = Infinity, backwards = false): number {
    const st = ++this.stamp;
    const dist = this.dist;
    const done = this.doneStamp;
    this.heapSize = 0;
    this.settledCount = 0;
    dist[from] = 0;
    this.seenStamp[from] = st;
    this.predEdge[from] = -1;
    this.predNode[from] = -1;
    // A* toward the sink: heap keys are distance + bound (consistent, so the first settle of a node is final).
    const astar = (this.bound !== null || this.toSink !== null) && to === this.sink && !backwards;
    this.runStamp = st;
    this.runBlocks = blocks;
    this.runAstar = astar;
    this.push(from, astar ? this.h(from) : 0);
    let settled = 0;
    while (this.heapSize > 0) {
      const key = this.heapKey[0]!;
      const u = this.pop();
      if (done[u] === st || key > (astar ? dist[u]! + this.h(u) : dist[u]!)) continue;
      if (key > maxCost) break;
      done[u] = st;
      this.settleOrder[this.settledCount++] = u;
      if (++settled === 64) {
        this.budget.settle(settled);
        settled = 0;
      }
      if (u === to) break;
      this.runFrom = u;
      if (backwards) this.forEachIn(u, this.relax);
      else this.forEachOut(u, this.relax);
    }
    this.runBlocks = null;
    this.budget.settle(settled);
    return st;
  }

  /** The state of the run in progress, read by relax (one closure per search instead of one per run). */
  private runStamp = 0;
  private runFrom = -1;
  private runBlocks: Blocks | null = null;
  private runAstar = false;
  /** Exact cost to the sink per node (costsToSink), once kShortest is asked for a second path; null before. */
  private toSink: Float64Array | null = null;

  /** Relaxes the edge from the node being settled (runFrom) to t. */
  private readonly relax = (edge: number, t: number, w: number): void => {
    const st = this.runStamp;
    if (this.doneStamp[t] === st) return;
    const u = this.runFrom;
    const blocks = this.runBlocks;
    if (blocks !== null) {
      if (blocks.edges.has(edge) || blocks.node[t] === blocks.stamp) return;
      const tp = this.placeOf(t);
      if (blocks.place[tp] === blocks.stamp) return;
      if (tp === blocks.spurPlace && this.placeOf(u) !== tp) return;
    }
    const dist = this.dist;
    const d = dist[u]! + w;
    if (this.seenStamp[t] !== st || d < dist[t]!) {
      const key = this.runAstar ? d + this.h(t) : d;
      // An infinite bound (exact or landmark) means the sink is out of reach from t: never worth a heap entry.
      if (key === Infinity) return;
      this.seenStamp[t] = st;
      dist[t] = d;
      this.predEdge[t] = edge;
      this.predNode[t] = u;
      this.push(t, key);
    }
  };

  settledIn(v: number, st: number): boolean {
    return this.doneStamp[v] === st;
  }

  distance(v: number): number {
    return this.dist[v]!;
  }

  /** The path to `to` found by the last run (valid for its stamp), with edge costs summed in path order. */
  pathTo(to: number): LayeredPath {
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let v = to; v !== -1; v = this.predNode[v]!) {
      nodes.push(v);
      if (this.predEdge[v]! !== -1) edges.push(this.predEdge[v]!);
    }
    nodes.reverse();
    edges.reverse();
    const edgeCosts = edges.map((e) => this.edgeWeight(e));
    let cost = 0;
    for (const c of edgeCosts) cost += c;
    return { nodes, edges, edgeCosts, cost };
  }

  edgeWeight(edge: number): number {
    const LM = this.q.layers * this.m;
    // Sink edges LM + n and source edges LM + N + n carry the terminal time at that end (see forEachOut).
    if (edge >= LM + this.n) return this.q.originW[edge - LM - this.n]!;
    if (edge >= LM) return this.q.destinationW[edge - LM]!;
    return this.q.w[edge % this.m]!;
  }

  /** True when the node sequence never comes back to a place it has left. */
  loopless(nodes: readonly number[], length = nodes.length): boolean {
    const left = new Set<number>();
    let current = -1;
    for (let i = 0; i < length; i++) {
      const g = this.placeOf(nodes[i]!);
      if (g === current) continue;
      if (left.has(g)) return false;
      if (current !== -1) left.add(current);
      current = g;
    }
    return true;
  }

  /** Cheapest path source → sink, or null. */
  shortest(): LayeredPath | null {
    const st = this.run(this.source, this.sink, null);
    return this.settledIn(this.sink, st) ? this.pathTo(this.sink) : null;
  }

  /**
   * Place-loopless paths source → sink in non-decreasing cost order (ties in
   * the order found). Charges the budget for every candidate and spur search.
   */
  *kShortest(maxPops = 5000): Generator<LayeredPath> {
    const first = this.shortest();
    if (first === null) return;
    const V = this.sink + 1;
    const blocks: Blocks = { stamp: 0, node: new Int32Array(V), place: new Int32Array(this.q.space.placeIds.length), edges: new Set(), spurPlace: -1 };
    interface Found extends LayeredPath {
      deviation: number;
      seq: number;
    }
    const found: Found[] = [];
    let seq = 0;
    // Candidates by cost, ties by insertion order (as the library path's linear scan does).
    const heap: Found[] = [];
    const less = (a: Found, b: Found) => a.cost < b.cost || (a.cost === b.cost && a.seq < b.seq);
    const hpush = (f: Found): void => {
      heap.push(f);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    };
    const hpop = (): Found => {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= heap.length) break;
          if (c + 1 < heap.length && less(heap[c + 1]!, heap[c]!)) c++;
          if (!less(heap[c]!, heap[i]!)) break;
          [heap[i], heap[c]] = [heap[c]!, heap[i]!];
          i = c;
        }
      }
      return top;
    };
    hpush({ ...first, deviation: 0, seq: seq++ });
    // Candidates found so far, by a hash of their edge ids (equal hashes compared edge by edge).
    const seen = new Map<number, number[][]>();
    const isNew = (edges: number[]): boolean => {
      const h = edgeHash(edges);
      const same = seen.get(h);
      if (same === undefined) {
        seen.set(h, [edges]);
        return true;
      }
      if (same.some((o) => o.length === edges.length && o.every((e, i) => e === edges[i]))) return false;
      same.push(edges);
      return true;
    };
    isNew(first.edges);
    let pops = 0;
    while (heap.length > 0 && pops < maxPops) {
      const path = hpop();
      pops++;
      this.budget.candidate();
      found.push(path);
      if (this.loopless(path.nodes)) yield path;
      // Spur searches run A* on exact costs to the sink: they settle little beyond the path they find. Found
      // only once a second path is wanted, so a best-route question never pays for the search backwards.
      if (this.toSink === null && !this.q.openEnd) this.toSink = this.costsToSink();

      let rootCost = 0;
      for (let j = 0; j < path.deviation; j++) rootCost += path.edgeCosts[j]!;
      // Root looplessness, extended one node per step instead of rechecked from the start.
      const left = new Set<number>();
      let current = -1;
      let checked = 0;
      const rootLoopless = (_node: number): boolean => {
        for (; checked <= j0; checked++) {
          const g = this.placeOf(path.nodes[checked]!);
          if (g === current) continue;
          if (left.has(g)) return false;
          if (current !== -1) left.add(current);
          current = g;
        }
        return true;
      };
      let j0 = 0;
      let st = 0;
      // Found paths sharing the root so far: filtered once on the first `deviation` edges, then one edge per step.
      let sameRoot = found.filter((f) => {
        if (f.edges.length < path.deviation) return false;
        for (let i = 0; i < path.deviation; i++) if (f.edges[i] !== path.edges[i]) return false;
        return true;
      });
      for (let j = path.deviation; j < path.nodes.length - 1; j++) {
        if (j > path.deviation) {
          const e = path.edges[j - 1];
          sameRoot = sameRoot.filter((f) => f.edges[j - 1] === e);
        }
        if (j > path.deviation) rootCost += path.edgeCosts[j - 1]!;
        j0 = j;
        if (!rootLoopless(path.nodes[j]!)) break;
        const spur = path.nodes[j]!;
        const spurPlace = this.placeOf(spur);
        // The root nodes 0 … j − 1 are blocked, and their places but the spur's own (the root is loopless, so the
        // spur's place is the root's last run of nodes): one stamp per path, grown by one node per step.
        if (j === path.deviation) {
          st = ++blocks.stamp;
          for (let i = 0; i < j; i++) {
            const r = path.nodes[i]!;
            blocks.node[r] = st;
            const g = this.placeOf(r);
            if (g !== spurPlace) blocks.place[g] = st;
          }
        } else {
          const r = path.nodes[j - 1]!;
          blocks.node[r] = st;
          const g = this.placeOf(r);
          if (g !== spurPlace) blocks.place[g] = st;
        }
        blocks.edges.clear();
        blocks.spurPlace = spurPlace;
        for (const f of sameRoot) if (f.edges.length > j) blocks.edges.add(f.edges[j]!);
        this.budget.spur();
        const runStamp = this.run(spur, this.sink, blocks);
        if (!this.settledIn(this.sink, runStamp)) continue;
        const spurPath = this.pathTo(this.sink);
        const edges = [...path.edges.slice(0, j), ...spurPath.edges];
        if (!isNew(edges)) continue;
        hpush({
          nodes: [...path.nodes.slice(0, j), ...spurPath.nodes],
          edges,
          edgeCosts: [...path.edgeCosts.slice(0, j), ...spurPath.edgeCosts],
          cost: rootCost + spurPath.cost,
          deviation: j,
          seq: seq++,
        });
      }
    }
  }
}

/** FNV-1a over the edge ids (32 bits): a cheap key for the candidate set, checked edge by edge on a match. */
function edgeHash(edges: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const e of edges) h = Math.imul(h ^ e, 0x01000193);
  return h;
}
