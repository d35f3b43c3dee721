/**
 * Synthetic networks for the scale benchmark: a square grid of `places`
 * stations 0.5° apart (about 55 km), two countries split down the middle,
 * one 1,520 mm rail link to the right and one down from each station, 50 to
 * 80 km long (seeded). Not a real network: it only has the size and shape
 * that make searches work hard (many equal-ish paths, long routes).
 */
import type { Link, Network, Place } from '../src/domain/network/schema.js';
import { network, place, rail } from '../test/domain/routing/build-network.js';
import { rng } from '../test/domain/routing/real-queries.js';

export function syntheticGrid(places: number, seed = 1): Network {
  const side = Math.ceil(Math.sqrt(places));
  const r = rng(seed);
  const ps: Place[] = [];
  const id = (i: number, j: number) => `g${i}-${j}`;
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side && ps.length < places; j++) {
      ps.push(place(id(i, j), j < side / 2 ? 'AA' : 'BB', { lat: 25 + i * 0.5, lon: 40 + j * 0.5 }));
    }
  }
  const exists = (i: number, j: number) => i * side + j < ps.length && j < side;
  const links: Link[] = [];
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      if (!exists(i, j)) continue;
      if (exists(i, j + 1)) links.push(rail(`${id(i, j)}--${id(i, j + 1)}`, id(i, j), id(i, j + 1), 50 + Math.round(r() * 30), 1520));
      if (exists(i + 1, j)) links.push(rail(`${id(i, j)}--${id(i + 1, j)}`, id(i, j), id(i + 1, j), 50 + Math.round(r() * 30), 1520));
    }
  }
  return network(ps, links);
}
