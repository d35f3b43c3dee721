/** Lookups over a validated Network, built once: by id, and what meets at a place. */
import { DomainError } from '../errors.js';
import type { Corridor, Crossing, Link, Network, Place } from './schema.js';
import { BUILT_IN_SOURCES, type SourceEntry } from './source-register.js';

/**
 * Records by id over one array and one map of positions, so the positions
 * serve the search space too (search-space.ts numbers places and links in
 * data order): one map per kind instead of two. At 100k places and 200k
 * links each such map took about 170 ms of start-up.
 */
class ById<T> implements ReadonlyMap<string, T> {
  constructor(
    private readonly records: readonly T[],
    /** Id → position in `records`. */
    readonly positions: ReadonlyMap<string, number>,
  ) {}

  get size(): number {
    return this.positions.size;
  }

  get(id: string): T | undefined {
    const i = this.positions.get(id);
    return i === undefined ? undefined : this.records[i];
  }

  has(id: string): boolean {
    return this.positions.has(id);
  }

  *entries(): MapIterator<[string, T]> {
    for (const [id, i] of this.positions) yield [id, this.records[i]!];
  }

  keys(): MapIterator<string> {
    return this.positions.keys();
  }

  *values(): MapIterator<T> {
    for (const i of this.positions.values()) yield this.records[i]!;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(fn: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [id, i] of this.positions) fn(this.records[i]!, id, this);
  }
}

/** Id → position in `records` (ids are unique in a checked network). */
function positionsOf(records: readonly { id: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < records.length; i++) m.set(records[i]!.id, i);
  return m;
}

export class NetworkIndex {
  readonly placeById: ReadonlyMap<string, Place>;
  readonly linkById: ReadonlyMap<string, Link>;
  /** Place id → position in the network's places (the search space's place numbers). */
  readonly placePosition: ReadonlyMap<string, number>;
  /** Link id → position in the network's links (the search space's link numbers). */
  readonly linkPosition: ReadonlyMap<string, number>;
  readonly crossingById: ReadonlyMap<string, Crossing>;
  readonly corridorById: ReadonlyMap<string, Corridor>;
  /** The source register by id, with the built-in source of request overlays. */
  readonly sourceById: ReadonlyMap<string, SourceEntry>;
  private readonly links = new Map<string, Link[]>();
  private readonly crossings = new Map<string, Crossing[]>();

  constructor(net: Network) {
    this.placePosition = positionsOf(net.places);
    this.linkPosition = positionsOf(net.links);
    this.placeById = new ById(net.places, this.placePosition);
    this.linkById = new ById(net.links, this.linkPosition);
    this.crossingById = new Map(net.crossings.map((c) => [c.id, c]));
    this.corridorById = new Map(net.corridors.map((c) => [c.id, c]));
    this.sourceById = new Map([...BUILT_IN_SOURCES, ...net.sources.map((s): [string, SourceEntry] => [s.id, s])]);
    for (const l of net.links) {
      push(this.links, l.from, l);
      push(this.links, l.to, l);
    }
    for (const c of net.crossings) {
      push(this.crossings, c.places[0], c);
      if (c.places[1] !== c.places[0]) push(this.crossings, c.places[1], c);
    }
  }

  /** Links starting or ending at the place, in data order (links run both ways). */
  linksAt(placeId: string): Link[] {
    return [...(this.links.get(placeId) ?? [])];
  }

  crossingsAt(placeId: string): Crossing[] {
    return [...(this.crossings.get(placeId) ?? [])];
  }

  /** The crossing a link passes: same two places (either order) with the link's mode. */
  crossingForLink(link: Link): Crossing | undefined {
    return (this.crossings.get(link.from) ?? []).find(
      (c) => c.modes.includes(link.mode) && ((c.places[0] === link.from && c.places[1] === link.to) || (c.places[1] === link.from && c.places[0] === link.to)),
    );
  }

  /** ISO country code of a place; NOT_FOUND for an unknown id. */
  countryOf(placeId: string): string {
    const p = this.placeById.get(placeId);
    if (p === undefined) throw new DomainError('NOT_FOUND', `no place with id "${placeId}"`, { id: placeId });
    return p.country;
  }
}

function push<V>(m: Map<string, V[]>, key: string, v: V): void {
  const list = m.get(key);
  if (list === undefined) m.set(key, [v]);
  else list.push(v);
}
