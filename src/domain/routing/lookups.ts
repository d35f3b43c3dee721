/**
 * The lookups routing needs over a network: by id, links and crossings at a
 * place, the crossing a link passes. Same meaning as NetworkIndex in
 * src/domain/network/network-index.ts, kept here as an interface so routing
 * can be given either.
 */
import type { Corridor, Crossing, Link, Network, Place } from '../network/schema.js';

export interface RoutingLookups {
  readonly placeById: ReadonlyMap<string, Place>;
  readonly linkById: ReadonlyMap<string, Link>;
  readonly crossingById: ReadonlyMap<string, Crossing>;
  readonly corridorById: ReadonlyMap<string, Corridor>;
  linksAt(placeId: string): Link[];
  crossingsAt(placeId: string): Crossing[];
  crossingForLink(link: Link): Crossing | undefined;
  countryOf(placeId: string): string;
}

export class SimpleLookups implements RoutingLookups {
  readonly placeById: ReadonlyMap<string, Place>;
  readonly linkById: ReadonlyMap<string, Link>;
  readonly crossingById: ReadonlyMap<string, Crossing>;
  readonly corridorById: ReadonlyMap<string, Corridor>;
  private readonly links = new Map<string, Link[]>();
  private readonly crossings = new Map<string, Crossing[]>();

  constructor(net: Network) {
    this.placeById = new Map(net.places.map((p) => [p.id, p]));
    this.linkById = new Map(net.links.map((l) => [l.id, l]));
    this.crossingById = new Map(net.crossings.map((c) => [c.id, c]));
    this.corridorById = new Map(net.corridors.map((c) => [c.id, c]));
    for (const l of net.links) {
      for (const p of [l.from, l.to]) this.links.set(p, [...(this.links.get(p) ?? []), l]);
    }
    for (const c of net.crossings) {
      for (const p of c.places) this.crossings.set(p, [...(this.crossings.get(p) ?? []), c]);
    }
  }

  linksAt(placeId: string): Link[] {
    return this.links.get(placeId) ?? [];
  }

  crossingsAt(placeId: string): Crossing[] {
    return this.crossings.get(placeId) ?? [];
  }

  crossingForLink(link: Link): Crossing | undefined {
    return this.crossingsAt(link.from).find(
      (c) => c.modes.includes(link.mode) && c.places.includes(link.from) && c.places.includes(link.to),
    );
  }

  countryOf(placeId: string): string {
    const p = this.placeById.get(placeId);
    if (!p) throw new Error(`unknown place "${placeId}"`);
    return p.country;
  }
}
