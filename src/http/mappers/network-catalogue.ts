/**
 * Lookups the network-browsing routes share, built once per loaded network
 * (the network does not change while the process runs): the index, corridor
 * summaries, the links passing each crossing, and the default orders.
 */
import { summariseCorridors, type CorridorSummary } from '../../domain/network/corridor-summary.js';
import { NetworkIndex } from '../../domain/network/network-index.js';
import type { Crossing, Link, Network, Place } from '../../domain/network/schema.js';
import { citationArrays, type SourceEntry } from '../../domain/network/source-register.js';

export interface NetworkCatalogue {
  network: Network;
  index: NetworkIndex;
  corridorSummaries: ReadonlyMap<string, CorridorSummary>;
  /** Links passing each crossing, by crossing id, in data order. */
  linksByCrossing: ReadonlyMap<string, readonly Link[]>;
  /** Places by name (then id): the order of an unfiltered listing. */
  placesByName: readonly Place[];
  /** Links, crossings and corridors are listed by id. */
  linksById: readonly Link[];
  crossingsById: readonly Crossing[];
  corridorSummariesById: readonly CorridorSummary[];
  /** Register entries by id. */
  sourcesById: readonly SourceEntry[];
  /** Records citing each source, by source id: kind then id. */
  citedBy: ReadonlyMap<string, readonly CitingRecordRef[]>;
}

export interface CitingRecordRef {
  kind: 'place' | 'link' | 'crossing' | 'corridor' | 'parameters';
  id: string;
}

const KIND_ORDER: readonly CitingRecordRef['kind'][] = ['place', 'link', 'crossing', 'corridor', 'parameters'];

function citingRecords(network: Network): Map<string, CitingRecordRef[]> {
  const out = new Map<string, CitingRecordRef[]>(network.sources.map((s) => [s.id, []]));
  const records: [CitingRecordRef['kind'], readonly { id: string }[]][] = [
    ['place', network.places],
    ['link', network.links],
    ['crossing', network.crossings],
    ['corridor', network.corridors],
  ];
  const add = (kind: CitingRecordRef['kind'], id: string, value: unknown): void => {
    const ids = new Set(citationArrays(value).flatMap((a) => a.citations.map((c) => (c as { source: string }).source)));
    for (const s of ids) out.get(s)?.push({ kind, id });
  };
  for (const [kind, list] of records) for (const r of list) add(kind, r.id, r);
  add('parameters', 'parameters', network.parameters);
  for (const list of out.values()) list.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function build(network: Network): NetworkCatalogue {
  const index = new NetworkIndex(network);
  const linksByCrossing = new Map<string, Link[]>(network.crossings.map((c) => [c.id, []]));
  for (const link of network.links) {
    const c = index.crossingForLink(link);
    if (c !== undefined) linksByCrossing.get(c.id)?.push(link);
  }
  const corridorSummaries = summariseCorridors(network, index);
  return {
    network,
    index,
    corridorSummaries,
    linksByCrossing,
    // A fixed locale, so the order does not depend on the host's settings.
    placesByName: [...network.places].sort((a, b) => a.name.localeCompare(b.name, 'en') || byId(a, b)),
    linksById: [...network.links].sort(byId),
    crossingsById: [...network.crossings].sort(byId),
    corridorSummariesById: [...corridorSummaries.values()].sort((a, b) => byId(a.corridor, b.corridor)),
    sourcesById: [...network.sources].sort(byId),
    citedBy: citingRecords(network),
  };
}

const catalogues = new WeakMap<Network, NetworkCatalogue>();

/**
 * The catalogue of `network`, built on first use. Routes call this per
 * request rather than at registration, so the app still starts (and /ready
 * can answer 503) when the network is empty or not loaded.
 */
export function catalogueFor(network: Network): NetworkCatalogue {
  let c = catalogues.get(network);
  if (c === undefined) {
    c = build(network);
    catalogues.set(network, c);
  }
  return c;
}
