/**
 * Builds, once per network (or scenario), the state-expanded directed graph the
 * router searches.
 *
 * Why states: the time to go on from one leg to the next (gauge change, rail↔road
 * transfer) depends on the PAIR of consecutive legs, so a place alone is not
 * enough as a graph node. Each place gets, for every state its links can put a
 * route in (rail of a gauge, ferry, sea, road), an arrival node "a|place|state"
 * and a departure node "d|place|state":
 *  - every link gives two edges, one per direction (dwell and speed depend on it),
 *    from the departure node of its start to the arrival node of its end;
 *  - inside a place, an edge from each arrival state to each departure state the
 *    transit model allows (same state: 0 h; see transit/place-transition.ts).
 * One transition per place visit (arrival → departure) keeps the cost of a route
 * exactly "legs + one transition between each pair of consecutive legs", so
 * Dijkstra on this graph is exact.
 *
 * A gauge change done by a crossing whose dwell already contains it
 * (gaugeChange.includedInDwell) costs nothing when the arriving or the leaving
 * leg passes that crossing, and its full time otherwise. So at the border points
 * of such a crossing its rail links get their own side states,
 * "rail-1435@dostyk--alashankou": the transition then knows which crossing the
 * route passes, and the cost stays a property of one edge.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { MultiDirectedGraph } from 'graphology';
import type { Crossing, Link, Network } from '../network/schema.js';
import { crossingDwell, dwellEntry } from '../transit/crossing-dwell.js';
import { ZERO_HOURS } from '../transit/hours.js';
import { linkEstimated, linkHours } from '../transit/link-hours.js';
import { changesGaugeAt, legState, transitionAt } from '../transit/place-transition.js';
import { NetworkIndex } from '../network/network-index.js';
import { legBorders } from './borders.js';
import { buildSearchSpace, type SearchSpace, type SearchSpaceOptions } from './search-space.js';
import { buildMaskFacts, type MaskFacts } from './mask-facts.js';
import { splitNodeState, TraversalList, type NodeState, type PlaceTransition, type StateEdge, type StateGraphOrder, type StateNode, type Traversal } from './state-graph.js';

export { splitNodeState, type NodeState, type PlaceTransition, type StateEdge, type StateNode, type Traversal } from './state-graph.js';

/** The graph state of a leg on `link` (of crossing `crossing`, if any) at its end `place`. */
function nodeState(link: Link, crossing: Crossing | undefined, place: string): NodeState {
  const s = legState(link.mode, link.gaugeMm);
  if (link.mode === 'rail' && crossing && crossing.gaugeChange.includedInDwell && changesGaugeAt(crossing, place)) return `${s}@${crossing.id}`;
  return s;
}

export interface PreparedNetwork {
  network: Network;
  index: NetworkIndex;
  /** Traversal j: link j >> 1, as given when j is even, the other way when odd. */
  traversals: TraversalList;
  transitions: readonly PlaceTransition[];
  /** Graph states present at each place, from its links of any status. */
  statesAt: ReadonlyMap<string, readonly NodeState[]>;
  graph: MultiDirectedGraph<StateNode, StateEdge>;
  /** The graph's edges as a flat list with their places, so per-query filtering is a plain loop. */
  edgeList: readonly BaseEdge[];
  /** The same graph in typed arrays, for the masked searches (search-space.ts). */
  space: SearchSpace;
  /** What the query filter reads of each link and place, in typed arrays (mask-facts.ts). */
  maskFacts: MaskFacts;
  /** Wall time this preparation took, ms: what preparing a network of this size costs here (request overlays do it per request). */
  prepareMs: number;
}

export interface BaseEdge {
  key: string;
  source: string;
  target: string;
  fromPlace: string;
  toPlace: string;
  attrs: StateEdge;
}

export const arrNode = (place: string, s: NodeState): string => `a|${place}|${s}`;
export const depNode = (place: string, s: NodeState): string => `d|${place}|${s}`;

/** `options.landmarks` as for buildSearchSpace: 'later' leaves the landmark tables to the caller. */
export function prepareNetwork(net: Network, options: SearchSpaceOptions = {}): PreparedNetwork {
  const started = performance.now();
  const steps = prepareSteps(net, options);
  let r = steps.next();
  while (!r.done) r = steps.next();
  // Set on the object, not spread into a new one: spreading would run the lazy graph getters.
  r.value.prepareMs = performance.now() - started;
  return r.value;
}

/**
 * The same preparation in slices: the event loop runs between its steps, so
 * health checks and other requests are answered meanwhile. At 100k places
 * the whole preparation takes 2–3 s in about 20 steps, the longest about
 * 0.3 s (the NetworkIndex, the edge lists in CSR).
 * `prepareMs` counts the time spent in the steps, not the waits between them.
 */
export async function prepareNetworkInSlices(net: Network, options: SearchSpaceOptions = {}): Promise<PreparedNetwork> {
  const steps = prepareSteps(net, options);
  let spentMs = 0;
  for (;;) {
    const started = performance.now();
    const r = steps.next();
    spentMs += performance.now() - started;
    if (r.done) {
      r.value.prepareMs = spentMs;
      return r.value;
    }
    await nextTurn();
  }
}

/**
 * The preparation as steps: each `yield` is a point where a sliced
 * preparation lets the event loop run: between the phases, and every
 * TRAVERSALS_PER_STEP traversals and EDGES_PER_STEP edges inside the long
 * loops (search-space.ts).
 */
function* prepareSteps(net: Network, options: SearchSpaceOptions): Generator<void, PreparedNetwork> {
  const index = new NetworkIndex(net);
  yield;
  const params = net.parameters;
  // Looked up once per link and reused below (at 100k places each lookup repeated per direction and per
  // consumer costs a good part of a second at start-up).
  const crossingOfLink = net.links.map((l) => index.crossingForLink(l));
  const statesAt = new Map<string, NodeState[]>();
  for (const p of net.places) statesAt.set(p.id, []);
  net.links.forEach((l, i) => {
    const crossing = crossingOfLink[i];
    for (const p of [l.from, l.to]) {
      const s = nodeState(l, crossing, p);
      const list = statesAt.get(p);
      if (list && !list.includes(s)) list.push(s);
    }
  });
  for (const list of statesAt.values()) list.sort();
  yield;

  const traversals = new TraversalList(net.links, (j) => {
    const link = net.links[j >> 1]!;
    const crossing = crossingOfLink[j >> 1];
    const [from, to] = j % 2 === 0 ? [link.from, link.to] : [link.to, link.from];
    return traversal(link, crossing, legState(link.mode, link.gaugeMm), from, to, index.countryOf(from), index.countryOf(to), params);
  });

  const transitions: PlaceTransition[] = [];
  for (const place of net.places) {
    const states = statesAt.get(place.id) ?? [];
    const crossings = index.crossingsAt(place.id);
    const split = states.map(splitNodeState);
    for (let i = 0; i < states.length; i++) {
      for (let k = 0; k < states.length; k++) {
        const sa = split[i]!;
        const sb = split[k]!;
        // In and out on the same crossing goes back where it came from: never part of a loopless route.
        if (sa.crossingId !== undefined && sa.crossingId === sb.crossingId) continue;
        const passed = [sa.crossingId, sb.crossingId].filter((id): id is string => id !== undefined);
        const transition = transitionAt(place, crossings, params, sa.state, sb.state, passed);
        if (transition === null) continue;
        transitions.push({ place: place.id, from: states[i]!, to: states[k]!, transition });
      }
    }
  }

  yield;
  const order = yield* stateGraphOrder(statesAt, traversals, transitions);
  yield;
  const space = yield* buildSearchSpace(net, order, { places: index.placePosition, links: index.linkPosition }, options);
  yield;
  // The graphology graph and its flat edge list serve the reference search only: built on first use, from the
  // same order as the search space, so node i and edge j are the same in both (at 100k places building them
  // costs several seconds and about half the memory, which the fast path never needs).
  let graph: MultiDirectedGraph<StateNode, StateEdge> | undefined;
  let edgeList: BaseEdge[] | undefined;
  const maskFacts = buildMaskFacts(net, crossingOfLink, space.placeIndex, space.linkIndex);
  return {
    network: net,
    index,
    traversals,
    transitions,
    statesAt,
    get graph() {
      return (graph ??= buildStateGraph(order));
    },
    get edgeList() {
      if (!edgeList) {
        const list: BaseEdge[] = [];
        const g = this.graph;
        g.forEachEdge((key, attrs, source, target, sourceAttrs, targetAttrs) => {
          list.push({ key, source, target, fromPlace: sourceAttrs.place, toPlace: targetAttrs.place, attrs });
        });
        edgeList = list;
      }
      return edgeList;
    },
    space,
    maskFacts,
    // Set by the driver (prepareNetwork, prepareNetworkInSlices).
    prepareMs: 0,
  };
}

/** Link `link` travelled from `from` (in `fromCountry`) to `to`, with everything its edge costs. */
function traversal(
  link: Link,
  crossing: Crossing | undefined,
  state: Traversal['state'],
  from: string,
  to: string,
  fromCountry: string,
  toCountry: string,
  params: Network['parameters'],
): Traversal {
  let dwell = ZERO_HOURS;
  let dwellEstimated = false;
  let crossingCountries: readonly [string, string] | undefined;
  if (crossing) {
    crossingCountries = crossing.places[0] === from ? crossing.countries : [crossing.countries[1], crossing.countries[0]];
    const entry = dwellEntry(crossing, crossingCountries[0], crossingCountries[1]);
    dwell = crossingDwell(crossing, crossingCountries[0], crossingCountries[1]);
    dwellEstimated = entry.hours.provenance.basis === 'estimate';
  }
  const t: Traversal = {
    link,
    from,
    to,
    state,
    fromNode: nodeState(link, crossing, from),
    toNode: nodeState(link, crossing, to),
    hours: linkHours(link, params, fromCountry),
    estimated: linkEstimated(link, params, fromCountry),
    dwell,
    dwellEstimated,
    borders: legBorders(fromCountry, toCountry),
  };
  // Only a traversal of a crossing's link has these (absent, not undefined, elsewhere).
  if (crossing) {
    t.crossing = crossing;
    t.crossingCountries = crossingCountries;
  }
  return t;
}

/** Traversals between two points where a sliced preparation may let the event loop run. */
const TRAVERSALS_PER_STEP = 1 << 16;

function* stateGraphOrder(
  statesAt: ReadonlyMap<string, readonly NodeState[]>,
  traversals: TraversalList,
  transitions: readonly PlaceTransition[],
): Generator<void, StateGraphOrder> {
  const nodes: StateNode[] = [];
  // First node and states of each place: one map lookup per edge end.
  const at = new Map<string, { base: number; states: readonly NodeState[] }>();
  for (const [place, states] of statesAt) {
    at.set(place, { base: nodes.length, states });
    for (const state of states) nodes.push({ place, arrival: true, state }, { place, arrival: false, state });
  }
  yield;
  const nodeOf = (place: string, state: NodeState, arrival: boolean): number => {
    const p = at.get(place)!;
    return p.base + 2 * p.states.indexOf(state) + (arrival ? 0 : 1);
  };
  const T = traversals.length;
  const edgeCount = T + transitions.length;
  const edgeSource = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  // What the graph needs of each traversal, read in one pass (the traversals themselves are built on demand).
  const linkEdgeHours = new Float64Array(T);
  const linkEdgeBorders = new Uint8Array(T);
  for (let j = 0; j < T; j++) {
    const t = traversals.peek(j);
    edgeSource[j] = nodeOf(t.from, t.fromNode, false);
    edgeTarget[j] = nodeOf(t.to, t.toNode, true);
    linkEdgeHours[j] = t.hours.typical + t.dwell.typical;
    linkEdgeBorders[j] = t.borders;
    if (j % TRAVERSALS_PER_STEP === TRAVERSALS_PER_STEP - 1) yield;
  }
  transitions.forEach((t, k) => {
    edgeSource[T + k] = nodeOf(t.place, t.from, true);
    edgeTarget[T + k] = nodeOf(t.place, t.to, false);
  });
  return {
    nodes,
    nodeKey: (i) => {
      const n = nodes[i]!;
      return n.arrival ? arrNode(n.place, n.state) : depNode(n.place, n.state);
    },
    edgeCount,
    edgeSource,
    edgeTarget,
    edgeAttrs: (j) => {
      if (j < T) return { kind: 'link', ref: j, hours: linkEdgeHours[j]!, km: traversals.link(j).lengthKm, borders: linkEdgeBorders[j]! };
      const t = transitions[j - T]!;
      return { kind: 'transfer', ref: j - T, hours: t.transition.hours.typical, km: 0, borders: 0 };
    },
    edgeKey: (j) => {
      if (j < T) return `L|${traversals.link(j).id}|${j % 2 === 0 ? 'f' : 'r'}`;
      const t = transitions[j - T]!;
      return `T|${t.place}|${t.from}|${t.to}`;
    },
  };
}

/** The graphology state graph of an order (node i, edge j of the order are the graph's i-th node and j-th edge). */
function buildStateGraph(order: StateGraphOrder): MultiDirectedGraph<StateNode, StateEdge> {
  const graph = new MultiDirectedGraph<StateNode, StateEdge>();
  order.nodes.forEach((n, i) => graph.addNode(order.nodeKey(i), { ...n }));
  for (let j = 0; j < order.edgeCount; j++) {
    graph.addDirectedEdgeWithKey(order.edgeKey(j), order.nodeKey(order.edgeSource[j]!), order.nodeKey(order.edgeTarget[j]!), order.edgeAttrs(j));
  }
  return graph;
}
