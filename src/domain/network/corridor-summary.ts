/**
 * What a corridor consists of, from its member links (links whose
 * `corridors` name it): how many km exist today and how many are only under
 * construction, planned, proposed or suspended, which countries and border
 * crossings it touches. Pure; computed once per network.
 */
import type { NetworkIndex } from './network-index.js';
import type { Corridor, LinkStatus, Network } from './schema.js';
import { LinkStatusSchema } from './schema.js';

export interface CorridorSummary {
  corridor: Corridor;
  /** Member links, in data order. */
  linkIds: string[];
  /** Sum of the member links' lengthKm, km. Parallel links (e.g. rail and road) both count. */
  lengthKm: number;
  /** lengthKm split by link status, km; every status present, 0 when none. */
  lengthKmByStatus: Record<LinkStatus, number>;
  /** Countries of the member links' end places, sorted. */
  countries: string[];
  /** Border crossings passed by member links, in order of first member link passing them. */
  crossingIds: string[];
}

const zeroByStatus = (): Record<LinkStatus, number> =>
  Object.fromEntries(LinkStatusSchema.options.map((s) => [s, 0])) as Record<LinkStatus, number>;

/** One summary per corridor of the network, keyed by corridor id, in data order. */
export function summariseCorridors(net: Network, index: NetworkIndex): Map<string, CorridorSummary> {
  const out = new Map<string, CorridorSummary>();
  const countries = new Map<string, Set<string>>();
  const crossings = new Map<string, Set<string>>();
  for (const corridor of net.corridors) {
    out.set(corridor.id, { corridor, linkIds: [], lengthKm: 0, lengthKmByStatus: zeroByStatus(), countries: [], crossingIds: [] });
    countries.set(corridor.id, new Set());
    crossings.set(corridor.id, new Set());
  }
  for (const link of net.links) {
    // A link may name a corridor twice by mistake; count it once.
    for (const corridorId of new Set(link.corridors)) {
      const s = out.get(corridorId);
      if (s === undefined) continue; // the reference validator rejects unknown corridors
      s.linkIds.push(link.id);
      s.lengthKm += link.lengthKm;
      s.lengthKmByStatus[link.status] += link.lengthKm;
      countries.get(corridorId)!.add(index.countryOf(link.from)).add(index.countryOf(link.to));
      const crossing = index.crossingForLink(link);
      if (crossing !== undefined) crossings.get(corridorId)!.add(crossing.id);
    }
  }
  for (const [id, s] of out) {
    s.countries = [...countries.get(id)!].sort();
    s.crossingIds = [...crossings.get(id)!];
  }
  return out;
}
