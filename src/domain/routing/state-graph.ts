/**
 * The nodes, edges and states of the state-expanded graph the router searches
 * (built by prepare.ts, copied into typed arrays by search-space.ts): types
 * of their own file so both can read them without importing each other.
 */
import type { Crossing, Link } from '../network/schema.js';
import type { LegState, Transition } from '../transit/place-transition.js';
import type { Hours } from './route-types.js';

/** One link travelled in one direction, with everything its edge costs. */
export interface Traversal {
  link: Link;
  from: string;
  to: string;
  state: LegState;
  /** Moving time (see transit/link-hours.ts), h. */
  hours: Hours;
  estimated: boolean;
  crossing?: Crossing;
  /** Graph state at `from` and at `to`: `state`, or its crossing side state (see nodeState). */
  fromNode: NodeState;
  toNode: NodeState;
  /** Countries of the crossing in travel order. */
  crossingCountries?: readonly [string, string];
  dwell: Hours;
  dwellEstimated: boolean;
  /** Borders the traversal crosses (borders.ts legBorders). */
  borders: 0 | 1;
}

/**
 * Every traversal of a network by number: traversal 2i is link i as given, 2i + 1 the other way. Each is built on
 * first use and kept: a query reads a few, and all at once would hold ~300 bytes each (120 MB at 100k places).
 */
export class TraversalList {
  private readonly built: (Traversal | undefined)[];

  constructor(
    private readonly links: readonly Link[],
    private readonly make: (j: number) => Traversal,
  ) {
    this.built = new Array<Traversal | undefined>(2 * links.length);
  }

  get length(): number {
    return this.built.length;
  }

  /** Traversal j (kept for the next call); undefined outside 0 .. length − 1. */
  at(j: number): Traversal | undefined {
    if (!Number.isInteger(j) || j < 0 || j >= this.built.length) return undefined;
    return (this.built[j] ??= this.make(j));
  }

  /** Traversal j for a one-off read (not kept unless it already was), as when the whole graph is built. */
  peek(j: number): Traversal {
    return this.built[j] ?? this.make(j);
  }

  /** The link of traversal j, without building it. */
  link(j: number): Link {
    return this.links[j >> 1]!;
  }
}

/**
 * A graph state at a place: the leg state, or "<leg state>@<crossing id>" for a
 * leg on a link of that crossing when the crossing's dwell includes its gauge change.
 */
export type NodeState = LegState | `${LegState}@${string}`;

/** The leg state and, for a crossing side state, the crossing passed. */
export function splitNodeState(s: NodeState): { state: LegState; crossingId?: string } {
  const at = s.indexOf('@');
  return at < 0 ? { state: s as LegState } : { state: s.slice(0, at) as LegState, crossingId: s.slice(at + 1) };
}

/** An allowed change from the state of the arriving leg to that of the leaving leg. */
export interface PlaceTransition {
  place: string;
  from: NodeState;
  to: NodeState;
  transition: Transition;
}

/** Node attributes of the state graph: the place and side (arrival or departure) a node stands for. Keys are opaque. */
export interface StateNode {
  place: string;
  arrival: boolean;
  state: NodeState;
}

/** Edge attributes of the state graph. `ref` indexes traversals or transitions. */
export interface StateEdge {
  kind: 'link' | 'transfer';
  ref: number;
  /** Typical hours, km and borders crossed: the raw material of every objective's weight. */
  hours: number;
  km: number;
  borders: number;
}

/**
 * The state graph's nodes and edges in their one fixed order, without a graph object: node 2k is the arrival and
 * 2k + 1 the departure node of the k-th (place, state) pair (places in data order, states sorted); the edges are
 * every traversal (link edges, in traversal order), then every transition.
 */
export interface StateGraphOrder {
  nodes: readonly StateNode[];
  nodeKey(i: number): string;
  edgeCount: number;
  /** Source node, target node and attributes of edge j. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeAttrs(j: number): StateEdge;
  edgeKey(j: number): string;
}
