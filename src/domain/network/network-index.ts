/** Lookups over a validated Network, built once: by id, and what meets at a place. */
import { DomainError } from '../errors.js';
import type { Corridor, Crossing, Link, Network, Place } from './schema.js';
import { BUILT_IN_SOURCES, type SourceEntry } from './source-register.js';

export class NetworkIndex {
  readonly placeById: ReadonlyMap<string, Place>;
  readonly linkById: ReadonlyMap<string, Link>;
  readonly crossingById: ReadonlyMap<string, Crossing>;
  readonly corridorById: ReadonlyMap<string, Corridor>;
  /** The source register by id, with the built-in source of request overlays. */
  readonly sourceById: ReadonlyMap<string, SourceEntry>;
  private readonly links = new Map<string, Link[]>();
  private readonly crossings = new Map<string, Crossing[]>();

  constructor(net: Network) {
    this.placeById = new Map(net.places.map((p) => [p.id, p]));
    this.linkById = new Map(net.links.map((l) => [l.id, l]));
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
