/**
 * Synthetic networks for the scale benchmark: a square grid of `places`
 * stations 0.35° apart (about 39 km north–south, 22–39 km east–west), centred
 * on the equator so even 100k places (317 rows, ±55°) stay on the globe, two
 * countries split down the middle, one 1,520 mm rail link to the right and one
 * down from each station, each 1.5 to 2 times the great-circle distance
 * between its ends (seeded; 58–78 km north–south, 33–78 km east–west), and a
 * crossing record for every link between the two countries. Not a real
 * network: it only has the size and shape that make searches work hard (many
 * equal-ish paths, long routes). It passes the data set's own validation
 * (validate-references.ts: lengths against great-circle distance, border links
 * with crossings), so scripts/synthetic-data-dir.ts can write it as a DATA_DIR
 * the real server loads.
 */
import { greatCircleKm } from '../src/domain/network/geo.js';
import type { Crossing, Link, Network, Place } from '../src/domain/network/schema.js';
import { crossing, network, parameters, place, rail } from '../test/domain/routing/build-network.js';
import { rng } from '../test/domain/routing/real-queries.js';

/** Grid spacing, degrees of latitude and of longitude. */
const SPACING_DEG = 0.35;
/** Each link is this many times the great-circle distance between its ends, at least… */
const DETOUR_MIN = 1.5;
/** …plus up to this much more (seeded); the loader allows at most 2× + 1 km. */
const DETOUR_SPREAD = 0.5;
/** Dwell at the synthetic border, h (low / typical / high). */
const BORDER_DWELL_H = 4;

const COUNTRIES = ['AA', 'BB'] as const;

/** The id of the station in row i, column j. */
export const gridId = (i: number, j: number): string => `g${i}-${j}`;

/** Stations per row of the grid of `places` stations (the last row may be short). */
export const gridSide = (places: number): number => Math.ceil(Math.sqrt(places));

/**
 * Two far corners of the grid: the first station, and the last one of the
 * last full row (diagonally opposite), for a long route.
 */
export function gridCorners(places: number): [string, string] {
  const side = gridSide(places);
  return [gridId(0, 0), gridId(Math.floor(places / side) - 1, side - 1)];
}

export function syntheticGrid(places: number, seed = 1): Network {
  const side = gridSide(places);
  const r = rng(seed);
  const ps: Place[] = [];
  const at = new Map<string, Place>();
  const coordinates = { basis: 'estimate' as const, method: `synthetic grid, ${SPACING_DEG}° apart` };
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side && ps.length < places; j++) {
      const p = place(gridId(i, j), j < side / 2 ? COUNTRIES[0] : COUNTRIES[1], {
        lat: (i - (side - 1) / 2) * SPACING_DEG,
        lon: 40 + j * SPACING_DEG,
        coordinates,
      });
      ps.push(p);
      at.set(p.id, p);
    }
  }
  const exists = (i: number, j: number) => i * side + j < ps.length && j < side;
  const length = { basis: 'estimate' as const, method: `synthetic: great-circle km × ${DETOUR_MIN}–${DETOUR_MIN + DETOUR_SPREAD} (seeded)` };
  const links: Link[] = [];
  const crossings: Crossing[] = [];
  const join = (a: string, b: string): void => {
    const pa = at.get(a)!;
    const pb = at.get(b)!;
    const km = Math.round(greatCircleKm(pa.lat, pa.lon, pb.lat, pb.lon) * (DETOUR_MIN + r() * DETOUR_SPREAD));
    links.push(rail(`${a}--${b}`, a, b, km, 1520, { length }));
    if (pa.country !== pb.country) crossings.push(crossing(`${a}--${b}`, [a, b], [pa.country, pb.country], BORDER_DWELL_H));
  };
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      if (!exists(i, j)) continue;
      if (exists(i, j + 1)) join(gridId(i, j), gridId(i, j + 1));
      if (exists(i + 1, j)) join(gridId(i, j), gridId(i + 1, j));
    }
  }
  const params = { ...parameters(COUNTRIES), dataVersion: `synthetic-grid-${places}` };
  return network(ps, links, crossings, [], params);
}
