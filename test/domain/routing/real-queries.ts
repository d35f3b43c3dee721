/**
 * A fixed, seeded set of route questions on a real network: varied objectives,
 * statuses, via places, avoid lists, modes, alternatives and overlap. The same
 * seed always gives the same questions for the same data set, so answers can be
 * recorded before a change and compared after it (scripts/record-queries.ts),
 * and the fast search can be checked against the reference one on them.
 * Questions are drawn from the data, so a new place changes the set; that is
 * why the lasting test compares two searches, not a recorded file.
 */
import type { Network } from '../../../src/domain/network/schema.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';

/** mulberry32: small, fast, good enough to pick questions. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['under-construction', 'planned', 'proposed'] as const;

export function realQueries(net: Network, count = 500, seed = 13): RouteQuery[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const places = net.places.map((p) => p.id).sort();
  const countries = [...new Set(net.places.map((p) => p.country))].sort();
  const crossings = net.crossings.map((c) => c.id).sort();
  const corridors = net.corridors.map((c) => c.id).sort();
  const links = net.links.map((l) => l.id).sort();
  const countryOf = new Map(net.places.map((p) => [p.id, p.country]));
  const out: RouteQuery[] = [];
  while (out.length < count) {
    const from = pick(places);
    const to = pick(places);
    if (from === to) continue;
    const via: string[] = [];
    const viaCount = r() < 0.55 ? 0 : r() < 0.7 ? 1 : 2;
    for (let i = 0; i < viaCount; i++) {
      const v = pick(places);
      if (v !== from && v !== to && !via.includes(v)) via.push(v);
    }
    const stops = new Set([from, to, ...via]);
    const stopCountries = new Set([...stops].map((s) => countryOf.get(s)));
    const include = STATUSES.filter(() => r() < 0.3);
    const q: RouteQuery = {
      ...DEFAULT_QUERY,
      from,
      to,
      via,
      objective: pick(['fastest', 'fastest', 'shortest', 'fewest-borders'] as const),
      include,
      modes: r() < 0.15 ? ['rail', 'ferry', 'sea', 'road'] : r() < 0.1 ? ['rail'] : DEFAULT_QUERY.modes,
      alternatives: r() < 0.5 ? 1 : 1 + Math.floor(r() * 5),
      maxOverlap: pick([0.8, 0.8, 1, 0.5]),
      avoidCountries: r() < 0.15 ? [pick(countries)].filter((c) => !stopCountries.has(c)) : [],
      avoidPlaces: r() < 0.2 ? [pick(places)].filter((p) => !stops.has(p)) : [],
      avoidCrossings: r() < 0.15 ? [pick(crossings)] : [],
      avoidCorridors: r() < 0.1 ? [pick(corridors)] : [],
      avoidLinks: r() < 0.15 ? [pick(links), pick(links)].filter((l, i, a) => a.indexOf(l) === i) : [],
    };
    out.push(q);
  }
  return out;
}
