/**
 * Writes a synthetic grid network (scripts/synthetic-network.ts) as a complete
 * data folder in the layout of data/, for DATA_DIR of the real server:
 *
 *   places/aa.json, places/bb.json  the stations, one file per country
 *   links/grid.json                 the rail links
 *   crossings/border.json           one crossing per link between the countries
 *   corridors.json                  none ([])
 *   parameters.json                 speed rules of both countries (test defaults)
 *   scenarios/border-closed.json    one scenario: a border crossing closed
 *   emission-factors.json           copied from data/
 *   sources.json                    the synthetic source, plus the data/ entries
 *                                   the emission factors cite
 *
 * No calendars/ folder: the loader reads a missing calendar as none.
 *
 * Run: `npx tsx scripts/synthetic-data-dir.ts <places> <out-dir>` (the folder
 * is created; files already there are overwritten).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationArrays } from '../src/domain/network/source-register.js';
import type { Network } from '../src/domain/network/schema.js';
import { syntheticGrid } from './synthetic-network.js';

const REAL_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

/** Writes `net` into `dir` (created if missing) as a data folder; returns `dir`. */
export function writeDataDir(net: Network, dir: string): string {
  for (const sub of ['places', 'links', 'crossings', 'scenarios']) mkdirSync(path.join(dir, sub), { recursive: true });
  const write = (rel: string, value: unknown): void => writeFileSync(path.join(dir, rel), JSON.stringify(value));

  const countries = [...new Set(net.places.map((p) => p.country))];
  for (const c of countries) write(`places/${c.toLowerCase()}.json`, net.places.filter((p) => p.country === c));
  write('links/grid.json', net.links);
  write('crossings/border.json', net.crossings);
  write('corridors.json', net.corridors);
  write('parameters.json', net.parameters);

  const border = net.crossings[0];
  if (border !== undefined) {
    write('scenarios/border-closed.json', {
      id: 'border-closed',
      name: 'One border crossing closed',
      description: `The synthetic crossing ${border.id} is closed.`,
      overlays: [{ kind: 'set-crossing-status', crossingId: border.id, status: 'closed' }],
      sources: border.sources,
    });
  }

  const factorsText = readFileSync(path.join(REAL_DATA_DIR, 'emission-factors.json'), 'utf8');
  writeFileSync(path.join(dir, 'emission-factors.json'), factorsText);
  // The factors cite the real register: copy the entries they cite beside the network's own.
  const cited = new Set(citationArrays(JSON.parse(factorsText)).flatMap((a) => a.citations.map((c) => (c as { source: string }).source)));
  const real = JSON.parse(readFileSync(path.join(REAL_DATA_DIR, 'sources.json'), 'utf8')) as { id: string }[];
  const own = new Set(net.sources.map((s) => s.id));
  write('sources.json', [...net.sources, ...real.filter((s) => cited.has(s.id) && !own.has(s.id))]);
  return dir;
}

/** A synthetic grid of `places` stations written as a data folder at `dir`; returns `dir`. */
export function writeSyntheticDataDir(places: number, dir: string, seed = 1): string {
  return writeDataDir(syntheticGrid(places, seed), dir);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [size, out] = process.argv.slice(2);
  const places = Number(size);
  if (!Number.isInteger(places) || places < 4 || out === undefined) {
    process.stderr.write('usage: tsx scripts/synthetic-data-dir.ts <places (whole number ≥ 4)> <out-dir>\n');
    process.exit(2);
  }
  writeSyntheticDataDir(places, path.resolve(out));
  process.stdout.write(`wrote ${places} places to ${path.resolve(out)}\n`);
}
