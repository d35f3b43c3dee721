/**
 * The one place that calls graphology-shortest-path, with every workaround it needs:
 * - a missing or non-number weight is silently read as 1 by the library, and a
 *   negative one breaks Dijkstra: every weight is checked to be a finite,
 *   non-negative number before a run, and a bad one throws WeightError;
 * - dijkstra.bidirectional returns nodes only, and null (despite its type) when
 *   the target is unreachable;
 * - edgePathFromNodePath picks the most recently added parallel edge, not the
 *   cheapest: the cheapest parallel edge per hop is chosen here (ties: smallest
 *   key), and the cost is recomputed from the chosen edges.
 * Edges are excluded by removing them from the graph (or never adding them),
 * never by an infinite weight.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { dijkstra } from 'graphology-shortest-path';

export type WeightedGraph = AbstractGraph<Attributes, Attributes, Attributes>;

export class WeightError extends Error {
  constructor(
    readonly edge: string,
    readonly value: unknown,
  ) {
    super(`edge "${edge}" has weight ${String(value)}: weights must be finite non-negative numbers`);
    this.name = 'WeightError';
  }
}

export interface GraphPath {
  nodes: string[];
  /** One edge key per hop, the cheapest among parallel edges. */
  edges: string[];
  /** Sum of the chosen edges' weights. */
  cost: number;
}

/** Throws WeightError unless every edge carries a finite, non-negative number under `attr`. */
export function assertWeights(graph: WeightedGraph, attr: string): void {
  graph.forEachEdge((edge, attributes) => {
    const w: unknown = attributes[attr];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new WeightError(edge, w);
  });
}

export function edgeWeight(graph: WeightedGraph, edge: string, attr: string): number {
  return graph.getEdgeAttribute(edge, attr) as number;
}

/** The cheapest directed edge from u to v (ties: smallest key), or undefined. */
export function cheapestEdge(graph: WeightedGraph, u: string, v: string, attr: string): string | undefined {
  let best: string | undefined;
  let bestW = Infinity;
  for (const e of graph.outEdges(u, v)) {
    const w = edgeWeight(graph, e, attr);
    if (w < bestW || (w === bestW && best !== undefined && e < best)) {
      best = e;
      bestW = w;
    }
  }
  return best;
}

/** Turns a node path into the cheapest edge path and its cost. */
export function pathFromNodes(graph: WeightedGraph, nodes: string[], attr: string): GraphPath {
  const edges: string[] = [];
  let cost = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const e = cheapestEdge(graph, nodes[i]!, nodes[i + 1]!, attr);
    if (e === undefined) throw new Error(`no edge from "${nodes[i]}" to "${nodes[i + 1]}" on a returned path`);
    edges.push(e);
    cost += edgeWeight(graph, e, attr);
  }
  return { nodes, edges, cost };
}

/**
 * Cheapest path from source to target by the weights under `attr`, or null when unreachable.
 * `weightsChecked` is for callers that ran assertWeights on this graph and only removed
 * edges since (the k-shortest search runs this once per spur).
 */
export function shortestPath(graph: WeightedGraph, source: string, target: string, attr: string, weightsChecked = false): GraphPath | null {
  if (!weightsChecked) assertWeights(graph, attr);
  if (!graph.hasNode(source) || !graph.hasNode(target)) return null;
  const nodes = dijkstra.bidirectional(graph, source, target, attr) as string[] | null;
  if (nodes === null || nodes.length === 0) return null;
  return pathFromNodes(graph, nodes, attr);
}

/** Cheapest paths from source to every reachable node (source included, with an empty path). */
export function shortestPathsFrom(graph: WeightedGraph, source: string, attr: string): Map<string, GraphPath> {
  assertWeights(graph, attr);
  const out = new Map<string, GraphPath>();
  if (!graph.hasNode(source)) return out;
  const paths = dijkstra.singleSource(graph, source, attr);
  for (const [node, nodes] of Object.entries(paths)) out.set(node, pathFromNodes(graph, nodes, attr));
  return out;
}
