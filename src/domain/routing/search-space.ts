/**
 * The prepared state graph in flat typed arrays (compressed sparse rows),
 * built once per network from the state graph's fixed order (prepare.ts,
 * StateGraphOrder), so a query filters by masks instead of copying the graph.
 * Node i is the i-th node of the graphology graph built from the same order
 * and edge j its j-th edge, so the two describe the same graph and the library search stays the reference the fast one is checked
 * against (test/domain/routing/fast-vs-reference.test.ts).
 */
import type { Network } from '../network/schema.js';
import type { Objective } from './route-types.js';
import { boundFactors, greatCircleKm } from './geo-bound.js';
import { buildLandmarks, noLandmarks, type LandmarkInput, type Landmarks } from './landmarks.js';
import { weightFor } from './objective.js';
import { terminalHours } from '../transit/terminal-hours.js';
import { splitNodeState, type StateGraphOrder } from './state-graph.js';

export const OBJECTIVES: readonly Objective[] = ['fastest', 'shortest', 'fewest-borders'];

export interface SearchSpace {
  placeIds: readonly string[];
  placeIndex: ReadonlyMap<string, number>;
  /** Index of each link of network.links by id. */
  linkIndex: ReadonlyMap<string, number>;
  /** Base nodes: place index and whether it is an arrival node (else departure). */
  nodeCount: number;
  nodePlace: Int32Array;
  nodeIsArrival: Uint8Array;
  /** Base edges. kind 0 = link, 1 = transfer; ref indexes traversals or transitions. */
  edgeCount: number;
  edgeTarget: Int32Array;
  edgeKind: Uint8Array;
  edgeRef: Int32Array;
  /** Link index of a link edge, -1 for a transfer. */
  edgeLink: Int32Array;
  /** Out-edges of node n: outEdge[outStart[n] .. outStart[n+1]). */
  outStart: Int32Array;
  outEdge: Int32Array;
  /** Departure and arrival nodes of each place. */
  depNodes: readonly Int32Array[];
  arrNodes: readonly Int32Array[];
  /** Edge weight of each objective (h, km, or borders × 1e6 + h). */
  weights: Readonly<Record<Objective, Float64Array>>;
  /** First edge whose weight is not a finite non-negative number, per objective (the data are then unusable for it). */
  badWeight: Readonly<Record<Objective, { edge: string; value: number } | null>>;
  /** Place adjacency through links (both directions): neighbours of place p at placeAdj[placeAdjStart[p] ..). */
  placeAdjStart: Int32Array;
  placeAdjPlace: Int32Array;
  placeAdjLink: Int32Array;
  /**
   * Terminal time (typical h) of a route that starts at departure node n (originHours) or ends at arrival node n
   * (destinationHours): the query graph's source and sink edges carry the same (transit/terminal-hours.ts).
   */
  originHours: Float64Array;
  destinationHours: Float64Array;
  /** Great-circle position of each place, radians. */
  lat: Float64Array;
  lon: Float64Array;
  /** Per objective, weight per great-circle km that no link edge undercuts (geo-bound.ts): the A* heuristic's factor. */
  boundFactor: Readonly<Record<Objective, number>>;
  /**
   * Per objective, exact costs to and from a few landmark nodes on the whole graph: the A* heuristic's second bound
   * (landmarks.ts). Replaced once when they were built later (SearchSpaceOptions.landmarks); a search reads them
   * when it starts.
   */
  landmarks: Landmarks;
  /** Source node of each base edge (the landmark build reads it). */
  edgeSource: Int32Array;
}

export interface SearchSpaceOptions {
  /**
   * 'now' (default): build the landmark tables here. 'later': start without them (searches use the great-circle
   * bound alone, same costs, more nodes settled) and let the caller build them from landmarkInput(space), on a
   * worker thread for one: at 100k places they take over a second.
   */
  landmarks?: 'now' | 'later';
}

/** Fewest-borders shares the landmark tables of fastest (landmarks.ts dominates). */
const LANDMARK_REUSE: Partial<Record<Objective, Objective>> = { 'fewest-borders': 'fastest' };

/** The landmark tables of a search space's graph (what buildSearchSpace builds with landmarks 'now'). */
export function landmarksOf(input: LandmarkInput): Landmarks {
  return buildLandmarks(OBJECTIVES, LANDMARK_REUSE, input.nodeCount, input.edgeSource, input.edgeTarget, input.outStart, input.outEdge, input.weights);
}

/** What the landmark build reads of a search space. */
export function landmarkInput(space: SearchSpace): LandmarkInput {
  const { nodeCount, edgeSource, edgeTarget, outStart, outEdge, weights } = space;
  return { nodeCount, edgeSource, edgeTarget, outStart, outEdge, weights };
}

/** Edges between two points where a sliced preparation may let the event loop run (prepare.ts). */
const EDGES_PER_STEP = 1 << 17;

/**
 * Builds the search space as steps (prepare.ts runs them at once, or in
 * slices with the event loop between them): each `yield` ends a step.
 * `positions`: id → position in the network's places and links (the
 * NetworkIndex's, prepare.ts), which are the space's place and link numbers.
 */
export function* buildSearchSpace(
  net: Network,
  order: StateGraphOrder,
  positions: { places: ReadonlyMap<string, number>; links: ReadonlyMap<string, number> },
  options: SearchSpaceOptions = {},
): Generator<void, SearchSpace> {
  const placeIds = net.places.map((p) => p.id);
  const placeIndex = positions.places;
  const linkIndex = positions.links;
  const nodeCount = order.nodes.length;
  const nodePlace = new Int32Array(nodeCount);
  const nodeIsArrival = new Uint8Array(nodeCount);
  const originHours = new Float64Array(nodeCount);
  const destinationHours = new Float64Array(nodeCount);
  // Per place, its departure (and arrival) nodes in node order, as views on one array each: one typed array
  // per place would be 200k ArrayBuffers at 100k places, which cost the garbage collector more than the lists.
  const depCount = new Int32Array(placeIds.length + 1);
  const arrCount = new Int32Array(placeIds.length + 1);
  // Terminal hours depend on the place and on whether the leg is rail, not on the gauge: worked out once per place and end.
  const railTerminal = { origin: new Float64Array(placeIds.length).fill(NaN), destination: new Float64Array(placeIds.length).fill(NaN) };
  const terminalTypical = (place: number, end: 'origin' | 'destination', state: ReturnType<typeof splitNodeState>['state']): number => {
    if (!state.startsWith('rail')) return terminalHours(net.parameters, placeIds[place]!, end, state).typical;
    let h = railTerminal[end][place]!;
    if (Number.isNaN(h)) railTerminal[end][place] = h = terminalHours(net.parameters, placeIds[place]!, end, state).typical;
    return h;
  };
  order.nodes.forEach((attrs, i) => {
    const place = placeIndex.get(attrs.place)!;
    nodePlace[i] = place;
    const isArr = attrs.arrival;
    nodeIsArrival[i] = isArr ? 1 : 0;
    (isArr ? arrCount : depCount)[place + 1]!++;
    const state = splitNodeState(attrs.state).state;
    if (isArr) destinationHours[i] = terminalTypical(place, 'destination', state);
    else originHours[i] = terminalTypical(place, 'origin', state);
  });
  const depNodes = nodeLists(nodeCount, depCount, nodePlace, (n) => nodeIsArrival[n] === 0);
  const arrNodes = nodeLists(nodeCount, arrCount, nodePlace, (n) => nodeIsArrival[n] === 1);
  yield;
  const edgeCount = order.edgeCount;
  const edgeSource = order.edgeSource;
  const edgeTarget = order.edgeTarget;
  const edgeKind = new Uint8Array(edgeCount);
  const edgeRef = new Int32Array(edgeCount);
  const edgeLink = new Int32Array(edgeCount).fill(-1);
  const weights = Object.fromEntries(OBJECTIVES.map((o) => [o, new Float64Array(edgeCount)])) as Record<Objective, Float64Array>;
  const badWeight: Record<Objective, { edge: string; value: number } | null> = { fastest: null, shortest: null, 'fewest-borders': null };
  // One array per objective in hand (not looked up by name per edge: 500k edges at 100k places).
  const objectiveWeights = OBJECTIVES.map((o) => [o, weights[o]] as const);
  for (let j = 0; j < edgeCount; j++) {
    const attrs = order.edgeAttrs(j);
    edgeKind[j] = attrs.kind === 'link' ? 0 : 1;
    edgeRef[j] = attrs.ref;
    // Traversal 2i is link i as given and 2i + 1 the other way (prepare.ts).
    if (attrs.kind === 'link') edgeLink[j] = attrs.ref >> 1;
    for (const [o, w] of objectiveWeights) w[j] = weightFor(o, attrs);
    if (j % EDGES_PER_STEP === EDGES_PER_STEP - 1) yield;
  }
  yield;
  for (const [o, w] of objectiveWeights) {
    for (let j = 0; j < edgeCount; j++) {
      const x = w[j]!;
      if (!(Number.isFinite(x) && x >= 0)) {
        badWeight[o] = { edge: order.edgeKey(j), value: x };
        break;
      }
    }
  }
  // CSR in the graph's own edge order, so equal-cost ties are met in the same order by every search.
  const outStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) outStart[edgeSource[e]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) outStart[n + 1]! += outStart[n]!;
  const fill = outStart.slice(0, nodeCount);
  const outEdge = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) outEdge[fill[edgeSource[e]!]!++] = e;

  // Place adjacency in CSR: count each place's link ends, then fill in link order.
  const placeAdjStart = new Int32Array(placeIds.length + 1);
  const ends = net.links.map((l) => [placeIndex.get(l.from), placeIndex.get(l.to)] as const);
  for (const [a, b] of ends) {
    if (a === undefined || b === undefined) continue;
    placeAdjStart[a + 1]!++;
    placeAdjStart[b + 1]!++;
  }
  for (let p = 0; p < placeIds.length; p++) placeAdjStart[p + 1]! += placeAdjStart[p]!;
  const placeAdjPlace = new Int32Array(placeAdjStart[placeIds.length]!);
  const placeAdjLink = new Int32Array(placeAdjStart[placeIds.length]!);
  const adjFill = placeAdjStart.slice(0, placeIds.length);
  ends.forEach(([a, b], li) => {
    if (a === undefined || b === undefined) return;
    placeAdjPlace[adjFill[a]!] = b;
    placeAdjLink[adjFill[a]!++] = li;
    placeAdjPlace[adjFill[b]!] = a;
    placeAdjLink[adjFill[b]!++] = li;
  });
  yield;
  const rad = Math.PI / 180;
  const lat = Float64Array.from(net.places, (p) => p.lat * rad);
  const lon = Float64Array.from(net.places, (p) => p.lon * rad);
  const edgeFrom = (e: number): number => nodePlace[edgeSource[e]!]!;
  const edgeTo = (e: number): number => nodePlace[edgeTarget[e]!]!;
  const boundFactor = boundFactors(
    OBJECTIVES,
    edgeCount,
    (e) => edgeKind[e] === 0,
    (e) => greatCircleKm(lat[edgeFrom(e)]!, lon[edgeFrom(e)]!, lat[edgeTo(e)]!, lon[edgeTo(e)]!),
    (o, e) => weights[o][e]!,
  );
  yield;
  const landmarks = options.landmarks === 'later' ? noLandmarks(OBJECTIVES) : landmarksOf({ nodeCount, edgeSource, edgeTarget, outStart, outEdge, weights });
  return {
    placeIds,
    placeIndex,
    linkIndex,
    nodeCount,
    nodePlace,
    nodeIsArrival,
    edgeCount,
    edgeTarget,
    edgeKind,
    edgeRef,
    edgeLink,
    outStart,
    outEdge,
    depNodes,
    arrNodes,
    weights,
    badWeight,
    originHours,
    destinationHours,
    placeAdjStart,
    placeAdjPlace,
    placeAdjLink,
    lat,
    lon,
    boundFactor,
    landmarks,
    edgeSource,
  };
}

/**
 * Per place p, the nodes n (in node order) with nodePlace[n] = p and keep(n), as views on one array; `count` holds
 * each place's number of such nodes at [p + 1].
 */
function nodeLists(nodeCount: number, count: Int32Array, nodePlace: Int32Array, keep: (n: number) => boolean): Int32Array[] {
  const P = count.length - 1;
  for (let p = 0; p < P; p++) count[p + 1]! += count[p]!;
  const all = new Int32Array(count[P]!);
  const fill = count.slice(0, P);
  for (let n = 0; n < nodeCount; n++) if (keep(n)) all[fill[nodePlace[n]!]!++] = n;
  const lists: Int32Array[] = new Array(P);
  for (let p = 0; p < P; p++) lists[p] = all.subarray(count[p]!, count[p + 1]!);
  return lists;
}
