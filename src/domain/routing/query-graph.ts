/**
 * The graph one query searches: a filtered copy of the prepared state graph,
 * one LAYER per stretch between consecutive stops (from, via…, to), so that
 * k-shortest paths through via points are exact: Yen's algorithm runs over the
 * concatenated layers, with "no place twice" checked across all of them.
 *
 * In layer i (stops[i] → stops[i+1]) only edges the filter allows are copied;
 * no edge enters stops[i] or leaves stops[i+1], and the other stops are left
 * out (a route through them would visit them twice). Layers are joined at a via
 * place by the transitions allowed there (arrival in layer i-1 → departure in
 * layer i). A source node S leads to every departure state of `from` and every
 * arrival state of `to` leads to a sink node T; these carry the terminal time
 * of a route that starts or ends by rail (transit/terminal-hours.ts).
 * Edge weight "w": typical h (fastest), km (shortest), or borders × 1e6 + typical h.
 */
import { MultiDirectedGraph } from 'graphology';
import { terminalHours, type TerminalEnd } from '../transit/terminal-hours.js';
import { splitNodeState, type NodeState, type PreparedNetwork, type StateEdge } from './prepare.js';
import type { LinkFilter } from './filters.js';
import { weightFor } from './objective.js';
import type { Objective } from './route-types.js';

export const SOURCE = 'S';
export const SINK = 'T';

export interface QueryEdge extends StateEdge {
  w: number;
  /** Stretch the edge belongs to (layer index); -1 for source/sink edges. */
  layer: number;
}

/** The place a query-graph node stands for (the source is `from`, the sink `to`); keys are opaque. */
export interface QueryNode {
  place: string;
  /** True for an arrival node (a route may end there). */
  arrival: boolean;
  /** The state the route is in at this node (absent on source, sink and via connector nodes). */
  state?: NodeState;
}

export type QueryGraph = MultiDirectedGraph<QueryNode, QueryEdge>;


const layerNode = (layer: number, baseNode: string): string => `${layer}/${baseNode}`;

/** The place a query-graph node stands for (the source is `from`, the sink `to`). */
export function placeOfNode(graph: QueryGraph, node: string): string {
  return graph.getNodeAttribute(node, 'place');
}

/**
 * Builds the layered query graph. With `openEnd`, there is one layer from
 * stops[0] with no end stop and no sink (single-source searches).
 */
export function buildQueryGraph(
  p: PreparedNetwork,
  stops: readonly string[],
  filter: LinkFilter,
  objective: Objective,
  openEnd = false,
): QueryGraph {
  const g: QueryGraph = new MultiDirectedGraph();
  const layers = openEnd ? 1 : stops.length - 1;
  const stopSet = new Set(stops);
  // Filter once per query, then every layer is a plain loop over the prepared edge list.
  const allowedPlaces = new Set<string>();
  for (const place of p.statesAt.keys()) if (filter.placeAllowed(place)) allowedPlaces.add(place);
  const allowedLinks = new Set<string>();
  for (const link of p.network.links) if (filter.linkAllowed(link)) allowedLinks.add(link.id);

  for (let layer = 0; layer < layers; layer++) {
    const start = stops[layer]!;
    const end = openEnd ? undefined : stops[layer + 1]!;
    const inLayer = (place: string): boolean => allowedPlaces.has(place) && (!stopSet.has(place) || place === start || place === end);
    const prefix = `${layer}/`;
    for (const [place, states] of p.statesAt) {
      if (!inLayer(place)) continue;
      for (const s of states) {
        g.addNode(`${prefix}a|${place}|${s}`, { place, arrival: true, state: s });
        g.addNode(`${prefix}d|${place}|${s}`, { place, arrival: false, state: s });
      }
    }
    for (const { key, source, target, fromPlace: from, toPlace: to, attrs } of p.edgeList) {
      if (!inLayer(from) || !inLayer(to)) continue;
      if (attrs.kind === 'link') {
        if (to === start || from === end) continue;
        if (!allowedLinks.has(p.traversals.link(attrs.ref).id)) continue;
      } else if (from === start || from === end) {
        // Start and end states are joined by the source/sink or by the via connectors.
        continue;
      }
      g.addDirectedEdgeWithKey(prefix + key, prefix + source, prefix + target, {
        ...attrs,
        w: weightFor(objective, attrs),
        layer,
      });
    }
    if (layer > 0) {
      // Via connector: arrive in the previous layer, change state as allowed, leave in this one.
      p.transitions.forEach((t, ref) => {
        if (t.place !== start) return;
        const e = { kind: 'transfer' as const, ref, hours: t.transition.hours.typical, km: 0, borders: 0 };
        g.addDirectedEdgeWithKey(
          layerNode(layer, `V|${t.place}|${t.from}|${t.to}`),
          layerNode(layer - 1, `a|${t.place}|${t.from}`),
          layerNode(layer, `d|${t.place}|${t.to}`),
          { ...e, w: weightFor(objective, e), layer },
        );
      });
    }
  }

  // Source and sink edges carry the terminal time of a route that starts or ends by rail.
  const endEdge = (place: string, end: TerminalEnd, s: NodeState): QueryEdge => {
    const hours = terminalHours(p.network.parameters, place, end, splitNodeState(s).state).typical;
    return { kind: 'transfer', ref: -1, hours, km: 0, borders: 0, w: weightFor(objective, { hours, km: 0, borders: 0 }), layer: -1 };
  };
  g.addNode(SOURCE, { place: stops[0]!, arrival: false });
  for (const s of p.statesAt.get(stops[0]!) ?? []) {
    const n = layerNode(0, `d|${stops[0]}|${s}`);
    if (g.hasNode(n)) g.addDirectedEdgeWithKey(`S|${s}`, SOURCE, n, endEdge(stops[0]!, 'origin', s));
  }
  if (!openEnd) {
    g.addNode(SINK, { place: stops[stops.length - 1]!, arrival: false });
    const to = stops[stops.length - 1]!;
    for (const s of p.statesAt.get(to) ?? []) {
      const n = layerNode(layers - 1, `a|${to}|${s}`);
      if (g.hasNode(n)) g.addDirectedEdgeWithKey(`E|${s}`, n, SINK, endEdge(to, 'destination', s));
    }
  }
  return g;
}
