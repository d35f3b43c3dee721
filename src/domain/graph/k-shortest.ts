/**
 * Exact k-shortest loopless paths (Yen's algorithm, Lawler's variant) where
 * "loopless" is about GROUPS of nodes: each node belongs to a group (a place of
 * the network, with one node per arrival/departure state), and a path may stay
 * in a group for several consecutive nodes but never come back to a group it left.
 *
 * Why this is exact although Dijkstra knows nothing of groups: the enumeration
 * is Yen's over node-simple paths, which is exact for any spur space as long as
 * (a) the spur search returns the cheapest path of its restricted graph and
 * (b) every group-loopless path not yet found lies in the restricted graph of
 * the deviation it comes from. Restrictions used, all satisfied by every
 * group-loopless path with that root:
 *  - the next edge of every found path with the same root is removed (Yen);
 *  - every node of every group on the root is removed, except the spur node and
 *    the other nodes of the spur's own group; edges into the spur's group from
 *    outside it are removed (no coming back);
 *  - a root that is not itself group-loopless is skipped, with every longer root.
 * Paths that still revisit a group (the spur search may loop through groups off
 * the root) are kept as parents for later deviations but never yielded.
 * So the yielded paths are the group-loopless paths in non-decreasing cost order.
 *
 * Restrictions are applied by dropping nodes/edges from the graph and restoring
 * them afterwards (the graph is the caller's per-query copy), never by weights.
 */
import type { WorkBudget } from './budget.js';
import { shortestPath, type GraphPath, type WeightedGraph } from './shortest-path.js';

export interface KShortestOptions {
  /** Upper bound on paths taken off the candidate heap (looping ones included); stops the enumeration. */
  maxPops?: number;
  /** Charged one candidate per path taken off the heap and one spur search per spur (with the graph's order as settled nodes). */
  budget?: WorkBudget;
}

interface Found extends GraphPath {
  /** Weight of each edge, read while the edge was in the graph. */
  edgeCosts: number[];
  /** Index of the node where this path left its parent (Lawler's variant). */
  deviation: number;
}

/** True when the node sequence never comes back to a group it has left. */
export function isGroupLoopless(nodes: readonly string[], groupOf: (node: string) => string): boolean {
  const left = new Set<string>();
  let current: string | undefined;
  for (const n of nodes) {
    const g = groupOf(n);
    if (g === current) continue;
    if (left.has(g)) return false;
    if (current !== undefined) left.add(current);
    current = g;
  }
  return true;
}

interface SavedEdge {
  key: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
}

/** Drops edges and nodes, remembering them so restore() puts the graph back as it was. */
class Restrictor {
  private readonly nodes: { key: string; attributes: Record<string, unknown> }[] = [];
  private readonly edges: SavedEdge[] = [];
  constructor(private readonly graph: WeightedGraph) {}

  dropEdge(key: string): void {
    if (!this.graph.hasEdge(key)) return;
    this.edges.push({
      key,
      source: this.graph.source(key),
      target: this.graph.target(key),
      attributes: { ...this.graph.getEdgeAttributes(key) },
    });
    this.graph.dropEdge(key);
  }

  dropNode(key: string): void {
    if (!this.graph.hasNode(key)) return;
    for (const e of this.graph.edges(key)) this.dropEdge(e);
    this.nodes.push({ key, attributes: { ...this.graph.getNodeAttributes(key) } });
    this.graph.dropNode(key);
  }

  restore(): void {
    for (const n of this.nodes) this.graph.addNode(n.key, n.attributes);
    for (const e of this.edges) this.graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    this.nodes.length = 0;
    this.edges.length = 0;
  }
}

function sameRoot(a: readonly string[], b: readonly string[], length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Yields the group-loopless paths from source to target in non-decreasing cost
 * order (cost = sum of the weights under `attr`). Lazy: stop pulling when enough.
 * The graph is modified during the search and restored before each yield.
 */
export function* kShortestLooplessPaths(
  graph: WeightedGraph,
  source: string,
  target: string,
  attr: string,
  groupOf: (node: string) => string,
  options: KShortestOptions = {},
): Generator<GraphPath> {
  const maxPops = options.maxPops ?? 5000;
  const groupCache = new Map<string, string>();
  const rawGroupOf = groupOf;
  groupOf = (n: string): string => {
    let g = groupCache.get(n);
    if (g === undefined) {
      g = rawGroupOf(n);
      groupCache.set(n, g);
    }
    return g;
  };
  const first = shortestPath(graph, source, target, attr);
  if (first === null) return;

  const membersOf = new Map<string, string[]>();
  graph.forEachNode((n) => {
    const g = groupOf(n);
    const list = membersOf.get(g);
    if (list) list.push(n);
    else membersOf.set(g, [n]);
  });

  const found: Found[] = [];
  const edgeCostsOf = (edges: string[]) => edges.map((e) => graph.getEdgeAttribute(e, attr) as number);
  const candidates: Found[] = [{ ...first, edgeCosts: edgeCostsOf(first.edges), deviation: 0 }];
  const seen = new Set<string>([first.edges.join('\u0000')]);
  let pops = 0;

  while (candidates.length > 0 && pops < maxPops) {
    // Cheapest candidate; ties keep insertion order so results are deterministic.
    let bestIdx = 0;
    for (let i = 1; i < candidates.length; i++) if (candidates[i]!.cost < candidates[bestIdx]!.cost) bestIdx = i;
    const path = candidates.splice(bestIdx, 1)[0]!;
    pops++;
    options.budget?.candidate();
    found.push(path);
    if (isGroupLoopless(path.nodes, groupOf)) yield path;

    // Root restrictions only grow with j, so they are applied incrementally (rootR)
    // and only the per-spur ones (spurR) are undone after each spur search.
    const rootR = new Restrictor(graph);
    let rootCost = 0;
    try {
      for (let j = 0; j < path.deviation; j++) rootCost += path.edgeCosts[j]!;
      const droppedGroups = new Set<string>();
      for (let j = path.deviation; j < path.nodes.length - 1; j++) {
        if (j > path.deviation) rootCost += path.edgeCosts[j - 1]!;
        const rootNodes = path.nodes.slice(0, j + 1);
        if (!isGroupLoopless(rootNodes, groupOf)) break;
        const rootEdges = path.edges.slice(0, j);
        const spur = rootNodes[j]!;
        const spurGroup = groupOf(spur);
        for (let i = j > path.deviation ? j - 1 : 0; i < j; i++) {
          const n = rootNodes[i]!;
          rootR.dropNode(n);
        }
        // Groups the root has left are dropped whole (earlier j may have kept one as the spur's group).
        for (let i = 0; i < j; i++) {
          const g = groupOf(rootNodes[i]!);
          if (g !== spurGroup && !droppedGroups.has(g)) {
            droppedGroups.add(g);
            for (const m of membersOf.get(g) ?? []) rootR.dropNode(m);
          }
        }
        const spurR = new Restrictor(graph);
        try {
          for (const f of found) {
            if (sameRoot(f.edges, rootEdges, j) && f.edges[j] !== undefined) spurR.dropEdge(f.edges[j]!);
          }
          for (const n of membersOf.get(spurGroup) ?? []) {
            if (!graph.hasNode(n)) continue;
            for (const e of graph.inEdges(n)) if (groupOf(graph.source(e)) !== spurGroup) spurR.dropEdge(e);
          }
          if (options.budget) {
            options.budget.spur();
            options.budget.settle(graph.order);
            options.budget.checkDeadline();
          }
          // Weights were checked by the first search; spur graphs only lose edges.
          const spurPath = shortestPath(graph, spur, target, attr, true);
          if (spurPath !== null) {
            const edges = [...rootEdges, ...spurPath.edges];
            const key = edges.join('\u0000');
            if (!seen.has(key)) {
              seen.add(key);
              const nodes = [...rootNodes, ...spurPath.nodes.slice(1)];
              const edgeCosts = [...path.edgeCosts.slice(0, j), ...spurPath.edges.map((e) => graph.getEdgeAttribute(e, attr) as number)];
              candidates.push({ nodes, edges, edgeCosts, cost: rootCost + spurPath.cost, deviation: j });
            }
          }
        } finally {
          spurR.restore();
        }
      }
    } finally {
      rootR.restore();
    }
  }
}
